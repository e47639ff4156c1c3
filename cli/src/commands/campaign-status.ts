// `amplify campaign status CAMPAIGN`: the progress of one campaign.
import { campaignStatus, formatSol } from "../../../lib/requester";
import { closedStatusLines, statusMoneyLines } from "../campaignMoney";
import { campaignArg } from "./args";
import { defineCommand } from "./command";

export const campaignStatusCommand = defineCommand({
  name: "campaign status",
  usage: "  campaign status CAMPAIGN           progress of one campaign, rent held and returned, workers' deposits",
  flags: {},
  async run({ args, io, chain }) {
    const target = campaignArg(args);
    if (!(await chain().campaign(target))) {
      for (const line of await closedStatusLines(chain(), target)) io.out(line);
      return;
    }
    const s = await campaignStatus(chain(), target);
    const c = s.campaign;
    io.out(`campaign   ${s.address}${c.endedAt !== 0n ? " (ended)" : ""}${c.isPrivate ? " (private)" : ""}`);
    io.out(
      `price      ${formatSol(c.price)} SOL per task × ${c.replication} workers, min rating ${(c.minRating / 2000).toFixed(1)}★`,
    );
    io.out(
      `tasks      ${s.tasks} (${c.pagesCreated}/${c.pageCount} task pages posted); escrow ${formatSol(c.escrowBalance)} SOL`,
    );
    io.out(
      `work       accepted ${s.assignments.accepted}, key granted ${s.assignments.keyGranted}, submitted ${s.assignments.submitted}, reviewed ${s.assignments.reviewed}, expired ${s.assignments.expired}`,
    );
    io.out(
      `completion ${(s.completion * 100).toFixed(1)} %${s.meanScore !== undefined ? `, mean score ${s.meanScore.toFixed(1)}` : ""}`,
    );
    for (const line of statusMoneyLines(s)) io.out(line);
  },
});
