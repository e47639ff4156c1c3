// `amplify market`: recent prices and fill rates.
import { formatSol, marketSummary } from "../../../lib/requester";
import { defineCommand } from "./command";

export const market = defineCommand({
  name: "market",
  usage: "  market                             recent prices and fill rates",
  flags: {},
  async run({ io, chain }) {
    const m = await marketSummary(chain());
    io.out(`${m.openCampaigns} open campaigns, ~${m.openSlots} open task slots`);
    if (m.medianPriceLamports !== undefined) io.out(`median price ${formatSol(m.medianPriceLamports)} SOL per task`);
    if (m.meanFillRate !== undefined) io.out(`mean fill rate ${(m.meanFillRate * 100).toFixed(1)} %`);
    for (const c of m.campaigns.slice(0, 20)) {
      io.out(
        `${c.address}  ${formatSol(c.priceLamports)} SOL × ${c.replication}  ${c.tasks} tasks  filled ${(c.fillRate * 100).toFixed(0)} %  done ${(c.doneRate * 100).toFixed(0)} %${c.isPrivate ? "  private" : ""}${c.isClosed ? "  closed" : ""}`,
      );
    }
  },
});
