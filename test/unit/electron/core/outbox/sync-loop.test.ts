import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import type { Instruction, TransactionSigner } from "@solana/kit";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutboxRepository, SyncLoop, backoffMs } from "../../../../../electron/core/outbox";
import { Store } from "../../../../../electron/core/store";
import { taskKey } from "../../../../../shared/protocol";
import { FakeChain, RELEASED } from "./fake-chain";
import { seededRandom } from "../../../../../shared/random";

const CAMPAIGN = "Campaign11111111111111111111111111111111111";

let dir: string;
let store: Store;
let now = 1_000_000;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "amplify-outbox-"));
  store = Store.open({ dataDir: dir });
  now = 1_000_000;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function setup(chain: FakeChain, options: { locked?: () => boolean; uploadFault?: () => boolean } = {}) {
  const repo = new OutboxRepository(store, () => now);
  const uploads = new Set<string>();
  const loop = new SyncLoop({
    repo,
    chain: chain.asClient(),
    upload: async (uri) => {
      if (chain.down || options.uploadFault?.()) throw new TypeError("fetch failed");
      uploads.add(uri);
    },
    signer: () => (options.locked?.() ? null : ({ address: "worker" } as unknown as TransactionSigner)),
    instructions: async (row) => [{ id: row.id, hash: row.resultHash } as unknown as Instruction],
    now: () => now,
  });
  return { repo, loop, uploads };
}

function queue(repo: OutboxRepository, chain: FakeChain, n: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `assignment-${i}`;
    const task = taskKey(CAMPAIGN, i);
    chain.open(id, task);
    const blob = new TextEncoder().encode(`{"taskId":"${id}"}`);
    const hash = createHash("sha256").update(blob).digest("hex");
    repo.add({
      id,
      task,
      campaign: CAMPAIGN,
      taskLabel: `task ${i}`,
      doc: "{}",
      blob,
      resultHash: hash,
      resultUri: `http://blobs/${hash}`,
      signed: null,
    });
    ids.push(id);
  }
  return ids;
}

async function runUntilDone(repo: OutboxRepository, loop: SyncLoop, maxPasses = 2000): Promise<number> {
  for (let pass = 0; pass < maxPasses; pass++) {
    const counts = repo.counts();
    if (counts.queued + counts.sent === 0) return pass;
    await loop.drain();
    now += 5_000;
  }
  throw new Error("outbox did not drain");
}

describe("sync loop", () => {
  it("uploads, signs, sends and confirms every queued result once", async () => {
    const chain = new FakeChain();
    const { repo, loop, uploads } = setup(chain);
    const ids = queue(repo, chain, 30);
    await runUntilDone(repo, loop);
    expect(repo.counts()).toMatchObject({ confirmed: 30, failed: 0 });
    for (const id of ids) expect(chain.payments.get(id)).toBe(1);
    expect(uploads.size).toBe(30);
  });

  it("with half of all calls failing (lost replies included) still pays each exactly once", async () => {
    const chain = new FakeChain(seededRandom(7));
    chain.faultRate = 0.5;
    const random = seededRandom(11);
    const { repo, loop } = setup(chain, { uploadFault: () => random() < 0.5 });
    const ids = queue(repo, chain, 40);
    await runUntilDone(repo, loop);
    expect(repo.counts()).toMatchObject({ confirmed: 40, failed: 0 });
    for (const id of ids) expect(chain.payments.get(id)).toBe(1);
  });

  it("re-signs only after the old transaction expired unseen, and never double pays", async () => {
    const chain = new FakeChain();
    const { repo, loop } = setup(chain);
    const [id] = queue(repo, chain, 1);
    // Offline for longer than a blockhash lives: the first signature expires unsent.
    chain.down = true;
    await loop.drain();
    chain.down = false;
    const sendOriginal = chain.send.bind(chain);
    chain.send = async () => {
      throw new TypeError("fetch failed");
    };
    now += 5_000;
    await loop.drain();
    const firstSignature = repo.get(id!)!.signature;
    expect(firstSignature).not.toBeNull();
    // The Outbox's "Why" for a row waiting to retry: the worker's situation, not "fetch failed".
    expect(repo.get(id!)!.lastError).toMatch(
      /^Not sent yet: it is tried again by itself\. The Solana network cannot be reached right now/,
    );
    chain.height += 50n;
    chain.send = sendOriginal;
    now += 120_000;
    await runUntilDone(repo, loop);
    const row = repo.get(id!)!;
    expect(row.state).toBe("confirmed");
    expect(row.priorSignatures).toContain(firstSignature);
    expect(chain.payments.get(id!)).toBe(1);
  });

  it("marks an item failed with its reason when the assignment expired, keeping the work", async () => {
    const chain = new FakeChain();
    const { repo, loop } = setup(chain);
    const [id] = queue(repo, chain, 1);
    chain.assignments.get(id!)!.state = RELEASED;
    await runUntilDone(repo, loop);
    const row = repo.get(id!)!;
    expect(row.state).toBe("failed");
    expect(row.lastError).toMatch(/^Not paid: .*expired.*\.$/);
    expect(row.doc).toBe("{}");
  });

  it("waits for the keystore when it must sign, then finishes", async () => {
    const chain = new FakeChain();
    let locked = true;
    const { repo, loop } = setup(chain, { locked: () => locked });
    const [id] = queue(repo, chain, 1);
    await loop.drain();
    expect(repo.get(id!)!.lastError).toMatch(/unlock/);
    locked = false;
    now += 10_000;
    await runUntilDone(repo, loop);
    expect(chain.payments.get(id!)).toBe(1);
  });

  it("backs off exponentially with jitter up to a cap", () => {
    expect(backoffMs(0, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffMs(3, 1000, 60_000, () => 1)).toBe(8000);
    expect(backoffMs(30, 1000, 60_000, () => 1)).toBe(60_000);
  });
});
