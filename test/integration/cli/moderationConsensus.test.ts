// Moderation review by consensus against the real program: three workers judge the same items
// (replication 3), the requester's review scores each judgement against the other two's
// majority and posts the scores on chain (ratings move), and the JSONL export carries the
// majority, the votes, the agreement rate and the confidence per item.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPairSigner, lamports, type Address, type KeyPairSigner } from "@solana/kit";
import nacl from "tweetnacl";
import type { Localnet } from "../../../localnet";
import { requireAmplifyProgram } from "../../support/amplify-program";
import { generateScene } from "../../../localnet/demo/sceneGenerator";
import type { AmplifyChain } from "../../../lib/requester";
import { getBlob, keysFromSecret, putBlob, type RequesterKeys } from "../../../lib/requester";
import {
  createModerationCampaign,
  exportModerationResults,
  parsePolicy,
  reviewModerationCampaign,
  type ModerationExportLine,
} from "../../../lib/requester/moderation";
import { canonicalJson } from "../../../shared/annotation";
import { ModerationResult, TextItemBlob } from "../../../shared/moderation";
import {
  taskKey,
  RATING_PRIOR,
  decodeWorkerProfile,
  findWorkerProfilePda,
  getAcceptTaskInstruction,
  getRegisterWorkerInstruction,
  getSubmitResultInstruction,
} from "../../../shared/protocol";
import { generateX25519KeyPair, sha256 } from "../../../lib/crypto";
import { startTestLocalnet } from "../../support/cli-localnet";

requireAmplifyProgram();
const work = fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "amplify-moderation-consensus-"));
let net: Localnet;
let chain: AmplifyChain;
let requester: RequesterKeys;

beforeAll(async () => {
  ({ net, chain } = await startTestLocalnet(path.join(work, "home")));
  requester = await keysFromSecret(nacl.sign.keyPair().secretKey);
  await chain.rpc.requestAirdrop(requester.address, lamports(10_000_000_000n)).send();
});
afterAll(async () => {
  await net?.close();
});

const policy = parsePolicy({
  title: "Posts",
  select: "single",
  categories: [
    { id: "ok", name: "OK", severity: "none" },
    { id: "spam", name: "Spam", severity: "low" },
    { id: "violence", name: "Violence", severity: "high" },
  ],
});

// Per item, what workers a, b and c choose.
const VOTES: Array<[string, string, string]> = [
  ["spam", "spam", "ok"],
  ["ok", "ok", "ok"],
  ["violence", "ok", "violence"],
];

describe("moderation review by consensus", () => {
  it("scores each judgement against the others' majority, on chain, and exports the agreement", async () => {
    const created = await createModerationCampaign({
      chain,
      keys: requester,
      stateDir: path.join(work, "state"),
      items: [
        { id: "post-1", kind: "text", text: "cheap pills" },
        { id: "post-2", kind: "text", text: "hello" },
        { id: "pic-1", kind: "image", bytes: generateScene(7).png, file: "pic-1.png" },
      ],
      policy,
      priceLamports: 1_000_000n,
      minRating: 0,
      maxShareBps: 10_000,
      replication: 3,
      isPrivate: false,
    });
    const campaign = created.campaign;
    const tasks = await chain.tasks(campaign);
    expect(tasks).toHaveLength(3);
    // A public text item is stored as a JSON text blob, never as bare text.
    const stored = await getBlob(tasks[0]?.uri ?? "", Buffer.from(tasks[0]?.dataHash ?? []).toString("hex"));
    expect(TextItemBlob.parse(JSON.parse(new TextDecoder().decode(stored)))).toEqual({
      kind: "text",
      text: "cheap pills",
    });

    const workers: KeyPairSigner[] = [];
    for (let w = 0; w < 3; w++) {
      const signer = await generateKeyPairSigner();
      await chain.rpc.requestAirdrop(signer.address, lamports(1_000_000_000n)).send();
      for (let tries = 0; (await chain.balance(signer.address)) === 0n && tries < 100; tries++)
        await new Promise((r) => setTimeout(r, 50));
      await chain.send(signer, [
        await getRegisterWorkerInstruction({ worker: signer, x25519PublicKey: generateX25519KeyPair().publicKey }),
      ]);
      await chain.send(
        signer,
        await Promise.all(tasks.map((t) => getAcceptTaskInstruction({ worker: signer, campaign, taskIndex: t.index }))),
      );
      for (const t of tasks) {
        const result = ModerationResult.parse({
          schema: 1,
          kind: "moderation",
          taskId: taskKey(campaign, t.index),
          decisions: [VOTES[t.index]?.[w]],
          timeSpentMs: 900,
        });
        const blob = new TextEncoder().encode(canonicalJson(result));
        const { uri } = await putBlob(net.blobUrl, blob);
        await chain.send(signer, [
          await getSubmitResultInstruction({
            worker: signer,
            campaign,
            taskIndex: t.index,
            resultHash: sha256(blob),
            resultUri: uri,
          }),
        ]);
      }
      workers.push(signer);
    }

    const reviewed = await reviewModerationCampaign({ chain, keys: requester, campaign });
    const score = (item: number, w: number): number | undefined =>
      reviewed.find((r) => r.taskIndex === item && r.worker === workers[w]?.address)?.score;
    expect(reviewed.every((r) => r.basis === "consensus")).toBe(true);
    expect(reviewed.filter((r) => r.taskIndex === 0).map((r) => [r.majority, r.agreement])).toEqual(
      Array(3).fill([["spam"], 2 / 3]),
    );
    // Item 0: a and b said spam; c's peers both said spam, so c scores 0; a's peers split spam/ok
    // and the tie goes to the more severe spam, so a (and b) score 100.
    expect([score(0, 0), score(0, 1), score(0, 2)]).toEqual([100, 100, 0]);
    expect([score(1, 0), score(1, 1), score(1, 2)]).toEqual([100, 100, 100]);
    expect([score(2, 0), score(2, 1), score(2, 2)]).toEqual([100, 0, 100]);
    // Every paid judgement is reviewed (its ReviewPosted event names it); no assignment stays open.
    expect((await chain.results(campaign)).map((r) => r.account.score !== null)).toEqual(Array(9).fill(true));
    expect(await chain.assignments(campaign)).toEqual([]);
    const profile = async (w: number) => {
      const [at] = await findWorkerProfilePda(workers[w]?.address as Address);
      return decodeWorkerProfile((await chain.accountData(at)) as Uint8Array);
    };
    // Every judgement's score reached the worker's on-chain rating state.
    for (let w = 0; w < 3; w++) expect((await profile(w)).reviewCount).toBe(3);
    expect((await profile(0)).rating).toBeGreaterThan(RATING_PRIOR);

    const out = path.join(work, "export.jsonl");
    const summary = await exportModerationResults({
      chain,
      keys: requester,
      campaign,
      manifest: created.manifest,
      outFile: out,
    });
    expect(summary).toEqual({ file: out, items: 3, judgements: 9 });
    const lines = fs
      .readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as ModerationExportLine);
    expect(lines.map((l) => [l.id, l.kind, l.decision, l.votes, l.voters, l.agreement, l.confidence])).toEqual([
      ["post-1", "text", ["spam"], { ok: 1, spam: 2, violence: 0 }, 3, 0.6667, 0.6],
      ["post-2", "text", ["ok"], { ok: 3, spam: 0, violence: 0 }, 3, 1, 0.8],
      ["pic-1", "image", ["violence"], { ok: 1, spam: 0, violence: 2 }, 3, 0.6667, 0.6],
    ]);
    expect(workers.map((w) => lines[0]?.judgements.find((j) => j.worker === w.address)?.score)).toEqual([100, 100, 0]);
  });
});
