// `npx tsx bench/market/load.ts --rpc URL [--blobs URL] [--workers N] [--events N] [--seconds N]`:
// the load generator on its own, against a running localnet (the e2e test starts it this way).
import { parseArgs } from "node:util";
import { runLoad } from "./load-generator";

const { values } = parseArgs({
  options: {
    rpc: { type: "string", default: "http://127.0.0.1:8899" },
    blobs: { type: "string" },
    workers: { type: "string", default: "12" },
    campaigns: { type: "string", default: "3" },
    tasks: { type: "string", default: "16" },
    events: { type: "string", default: "2000" },
    seconds: { type: "string", default: "60" },
    concurrency: { type: "string", default: "8" },
    /** Prices (lamports) for campaigns at minimum rating 0, 2000 and 4000, comma separated. */
    prices: { type: "string" },
  },
});
const result = await runLoad({
  rpcUrl: values.rpc,
  blobUrl: values.blobs ?? null,
  workers: Number(values.workers),
  openCampaigns: Number(values.campaigns),
  tasksPerCampaign: Number(values.tasks),
  events: Number(values.events),
  seconds: Number(values.seconds),
  concurrency: Number(values.concurrency),
  ...(values.prices ? { prices: prices(values.prices) } : {}),
  log: (line) => console.log(line),
});
console.log(
  JSON.stringify({
    events: result.events,
    transactions: result.transactions,
    seconds: result.seconds,
    campaigns: result.campaigns.map((c) => ({ ...c, price: c.price.toString() })),
  }),
);

function prices(text: string): [bigint, bigint, bigint] {
  const list = text.split(",").map((p) => BigInt(p.trim()));
  if (list.length !== 3)
    throw new Error("--prices takes three amounts in lamports: for minimum ratings 0, 2000 and 4000");
  return [list[0]!, list[1]!, list[2]!];
}
