// `npm run bench -- fuzz`: the chain-data fuzz (test/support/chain-data-fuzz.ts) at length, with
// a random seed unless AMPLIFY_FUZZ_SEED names one, and AMPLIFY_FUZZ_CAMPAIGNS campaigns (100).
// Prints the seed and the counts; exits non-zero on a hang, an unclear error or a lost ping.
import { randomInt } from "node:crypto";
import { fuzzChainData } from "../../test/support/chain-data-fuzz";

const seed = Number(process.env.AMPLIFY_FUZZ_SEED ?? randomInt(2 ** 31));
const campaigns = Number(process.env.AMPLIFY_FUZZ_CAMPAIGNS ?? 100);
console.log(`chain-data fuzz: seed ${seed}, ${campaigns} hostile campaigns (replay with AMPLIFY_FUZZ_SEED=${seed})`);
const report = await fuzzChainData({ seed, campaigns, log: (line) => console.log(`  ${line}`) });
console.log(
  `${report.calls} calls in ${report.seconds.toFixed(1)} s; outcomes ${JSON.stringify(report.outcomes)}; pings ${report.pingsAnswered}/${report.pingsSent} answered; rss ${report.rssBaselineMiB} → peak ${report.rssPeakMiB} MiB; gateway sent ${report.gatewaySentMiB} MiB`,
);
for (const hang of report.hangs) console.log(`HANG ${hang}`);
for (const line of report.unclear) console.log(`UNCLEAR ${line}`);
process.exit(report.hangs.length || report.unclear.length || report.pingsAnswered < report.pingsSent ? 1 : 0);
