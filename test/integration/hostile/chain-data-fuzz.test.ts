// The bounded run of the chain-data fuzz (test/support/chain-data-fuzz.ts) in `npm test`: a few
// dozen hostile campaigns and task lists through the browser shell's WebSocket bridge; every reply
// a value or a typed error with a sentence, no call hangs, pings keep answering, memory bounded.
// `npm run bench -- fuzz` runs a longer one with a random seed (AMPLIFY_FUZZ_SEED to replay one).
import { describe, expect, it } from "vitest";
import { fuzzChainData } from "../../support/chain-data-fuzz";

const SEED = Number(process.env.AMPLIFY_FUZZ_SEED ?? 20_261_203);

describe("chain-sourced data through the browser shell", () => {
  it("answers every call about hostile metadata, task lists and ciphertext with a value or a sentence", async () => {
    const report = await fuzzChainData({ seed: SEED, campaigns: 24, callTimeoutMs: 20_000 });
    console.log(`chain-data fuzz: ${JSON.stringify(report)}`);
    expect(report.hangs).toEqual([]);
    expect(report.unclear).toEqual([]);
    // every ping sent while hostile bytes were fetched was answered
    expect(report.pingsAnswered).toBe(report.pingsSent);
    // the listing, the accepts and the opens ran: errors are among the outcomes, not instead of them
    expect(report.outcomes.ok ?? 0).toBeGreaterThan(report.pingsSent);
    expect(Object.keys(report.outcomes).filter((k) => k !== "ok").length).toBeGreaterThan(0);
    // test process = vitest + localnet + core + gateway: the growth is bounded by the fetch caps
    expect(report.rssPeakMiB - report.rssBaselineMiB).toBeLessThan(200);
  }, 180_000);
});
