// A private task from accept to paid through the contract, with the plaintext only in memory:
// market → bulk accept → key granted → open (verify, unwrap, decrypt off-thread) → submit →
// outbox → sync → paid once. Also: bad data fails one task while the others go on, and no
// reply or event of the whole session ever carries the secret key.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { address, getBase58Decoder } from "@solana/kit";
import nacl from "tweetnacl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyDocument } from "../../../shared/annotation";
import { ampForReview, computeWorkerPay, formatAmp, getReviewInstruction } from "../../../shared/protocol";
import { generateFileKey, generateX25519KeyPair, openSealed, wrapFileKey } from "../../../lib/crypto";
import type { CampaignFixture, Market, WorkerCore } from "../../support/market-harness";
import { PASSPHRASE, SOL, prepareKeystore, startMarket, startWorkerCore, waitFor } from "../../support/market-harness";

let market: Market;
let worker: WorkerCore;
let fixture: CampaignFixture;
let workerAddress: string;
const seed = nacl.sign.keyPair();
const secretBase58 = getBase58Decoder().decode(seed.secretKey);
const transcript: unknown[] = [];

beforeAll(async () => {
  market = await startMarket();
  const dataDir = join(market.home, "worker");
  workerAddress = await prepareKeystore(dataDir, secretBase58);
  market.net.ledger.airdrop(workerAddress as never, 10n * SOL);
  worker = await startWorkerCore(market, dataDir);
  // Record every reply and event of the session for the secret scan.
  worker.core.events.subscribe((event, payload) => transcript.push({ event, payload }));
  const dispatch = worker.core.dispatch;
  Object.assign(worker.core, {
    dispatch: async (...args: Parameters<typeof dispatch>) => {
      const reply = await dispatch(...args);
      transcript.push(reply);
      return reply;
    },
  });
  fixture = await market.createCampaign({ tasks: 6, isPrivate: true });
});

afterAll(async () => {
  await worker?.close();
  await market?.close();
});

interface OutboxEvent {
  readonly event: "outbox:changed";
  readonly payload: { readonly items: readonly { readonly id: string }[] };
}
function isEvent(entry: unknown): entry is { readonly event: string } {
  return typeof entry === "object" && entry !== null && typeof (entry as { event?: unknown }).event === "string";
}
function isOutboxEvent(entry: unknown): entry is OutboxEvent {
  return isEvent(entry) && entry.event === "outbox:changed";
}

describe("a private task from accept to paid", () => {
  it("unlocks, lists the campaign as eligible and accepts several per transaction", async () => {
    expect((await worker.call("keys:unlock", { passphrase: PASSPHRASE })).state).toBe("unlocked");
    const list = await worker.call("market:list", { sort: "pay_desc" });
    const view = list.find((c) => c.address === fixture.campaign)!;
    expect(view).toMatchObject({ private: true, tasksLeft: 6, eligible: true, title: `Campaign 1`, labelKind: "box" });
    expect(view.payLamports).toBe(Number(computeWorkerPay(fixture.price, 500)));
    const outcomes = await worker.call("market:accept", { items: [{ campaign: fixture.campaign, count: 6 }] });
    expect(outcomes.filter((o) => o.ok)).toHaveLength(6);
    // several per transaction: fewer signatures than accepts
    expect(new Set(outcomes.map((o) => o.signature)).size).toBeLessThan(6);
    const profile = await worker.call("profile:get");
    expect(profile).toMatchObject({ registered: true, keyMatches: true, acceptedCount: 6 });
    expect(profile.rating.status).toBe("unrated");
  });

  it("opens granted tasks in memory; a task whose key is wrapped to someone else, or is the wrong file key, fails alone", async () => {
    // Task 4 gets a key wrapped to someone else; task 5 a wrong file key; the rest are fine.
    await market.grantKeys(fixture, workerAddress, (file) => {
      if (file.index === 4) return wrapFileKey(file.key, generateX25519KeyPair().publicKey);
      if (file.index === 5)
        return wrapFileKey(generateFileKey(), Buffer.from((transcriptKey() ?? "").padEnd(64, "0"), "hex"));
      return wrapFileKey(file.key, Buffer.from(transcriptKey()!, "hex"));
    });
    const tasks = await worker.call("tasks:list");
    expect(tasks).toHaveLength(6);
    const byIndex = new Map(tasks.map((t) => [t.taskIndex, t]));
    const first = await worker.call("tasks:open", { id: byIndex.get(0)!.id });
    expect(first.mime).toBe("image/png");
    expect(Buffer.from(first.image).equals(Buffer.from(fixture.files[0]!.plain))).toBe(true);
    expect(first.labels.map((l) => l.id)).toEqual(["car"]);

    await expect(worker.call("tasks:open", { id: byIndex.get(4)!.id })).rejects.toMatchObject({ code: "rejected" });
    await expect(worker.call("tasks:open", { id: byIndex.get(5)!.id })).rejects.toMatchObject({ code: "rejected" });
    const second = await worker.call("tasks:open", { id: byIndex.get(1)!.id });
    expect(Buffer.from(second.image).equals(Buffer.from(fixture.files[1]!.plain))).toBe(true);
  });

  it("submits offline-first and the sync loop gets each result paid exactly once", async () => {
    const tasks = await worker.call("tasks:list");
    const good = tasks.filter((t) => t.taskIndex < 4);
    const escrowBefore = await market.lamports(fixture.escrow);
    for (const task of good) {
      const doc = {
        ...emptyDocument(task.id, [{ id: "car", name: "car", color: "#ff0000" }]),
        shapes: [{ id: "s1", kind: "box" as const, x: 1, y: 2, w: 3, h: 4, label: "car" }],
      };
      const seen = transcript.length;
      const queued = await worker.call("tasks:submit", { id: task.id, doc });
      expect(queued.resultHash).toMatch(/^[0-9a-f]{64}$/);
      // Screens hear of the queued row with the submit itself, before any sync pass has run.
      const sinceCall = transcript.slice(seen);
      const beforeReply = sinceCall.slice(
        0,
        sinceCall.findIndex((entry) => !isEvent(entry)),
      );
      const announced = beforeReply.filter(isOutboxEvent).flatMap((e) => e.payload.items);
      expect(announced.some((item) => item.id === task.id)).toBe(true);
    }
    await waitFor("outbox drained", async () => {
      const summary = await worker.call("outbox:summary");
      return summary.queued === 0 && summary.confirmed === 4;
    });
    expect(escrowBefore - (await market.lamports(fixture.escrow))).toBe(4n * fixture.price);
    for (const task of good) {
      expect(await market.chain.account(task.id)).toBeNull();
      const submitted = (await market.chain.events(task.id))
        .map((e) => e.event)
        .find((e) => e.kind === "resultSubmitted");
      if (submitted?.kind !== "resultSubmitted") throw new Error(`no result event for ${task.id}`);
      // The requester opens the sealed result with its own X25519 secret.
      const blob = new Uint8Array(await (await fetch(submitted.resultUri)).arrayBuffer());
      const doc = JSON.parse(new TextDecoder().decode(openSealed(blob, fixture.requesterBox.secretKey))) as {
        taskId: string;
      };
      expect(doc.taskId).toBe(task.id);
    }
    const profile = await worker.call("profile:get");
    expect(profile.earnings.items).toHaveLength(4);
    expect(profile.earnings.totalLamports).toBe(4 * Number(computeWorkerPay(fixture.price, 500)));

    // A review earns AMP (fee × rate × score / 100); the Wallet lists it next to that result.
    const first = good[0]!;
    await market.send(market.requester, [
      await getReviewInstruction({
        requester: market.requester,
        campaign: fixture.campaign,
        worker: address(profile.address),
        taskIndex: first.taskIndex,
        score: 80,
      }),
    ]);
    await waitFor("the review's AMP on the profile", async () => {
      const after = await worker.call("profile:get");
      return after.earnings.items.find((e) => e.taskIndex === first.taskIndex)?.amp !== null;
    });
    const after = await worker.call("profile:get");
    const reviewed = after.earnings.items.find((e) => e.taskIndex === first.taskIndex);
    expect(reviewed).toMatchObject({ score: 80, amp: formatAmp(ampForReview(fixture.price, 500, 1n, 80)) });
    expect(after.earnings.items.filter((e) => e.amp !== null)).toHaveLength(1);
  });

  it("leaves no plaintext under AMPLIFY_HOME and no secret in any reply or event", async () => {
    const files = walk(worker.dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const task of fixture.files) {
        // Any 64-byte window of the image body would do; take one from its middle.
        const needle = Buffer.from(task.plain.subarray(1000, 1064));
        expect(bytes.indexOf(needle), `${file} holds plaintext of task ${task.index}`).toBe(-1);
      }
    }
    const text = JSON.stringify(transcript, (_key, value: unknown) =>
      value instanceof Uint8Array ? Buffer.from(value).toString("hex") : value,
    );
    expect(transcript.length).toBeGreaterThan(10);
    expect(text).not.toContain(secretBase58);
    expect(text).not.toContain(Buffer.from(seed.secretKey.subarray(0, 32)).toString("hex"));
    expect(text).not.toContain(Buffer.from(seed.secretKey.subarray(0, 32)).toString("base64"));
    expect(text).not.toContain(getBase58Decoder().decode(seed.secretKey.subarray(0, 32)));
  });
});

function transcriptKey(): string | null {
  for (const entry of transcript) {
    const value = (entry as { value?: { x25519PublicKey?: string } }).value;
    if (value?.x25519PublicKey) return value.x25519PublicKey;
  }
  return null;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
