// A seeded fuzz of chain-sourced data through the browser shell: requesters (anyone) post
// campaigns whose metadata URIs and task lists a hostile gateway serves endless, huge, slow,
// stalled, wrong-type, malformed, tampered or missing, plus local paths and hosts nobody
// configured; a private campaign's keys open nothing (its ciphertext does not decrypt). A worker's
// core, behind the real WebSocket bridge, lists, accepts and opens them while a ping runs beside
// every call. Every reply must be a value or a typed error with a sentence, no call may hang,
// pings keep answering, and memory stays bounded. Used by the bounded test in `npm test` and by
// `npm run bench -- fuzz` (longer, random seed).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import WebSocket from "ws";
import { API_PROTOCOL_NAME, TOKEN_PROTOCOL_PREFIX, decodeWire, encodeWire } from "../../shared/api";
import { generateFileKey, wrapFileKey } from "../../lib/crypto";
import { startBrowserServer } from "../../electron/browser";
import { startHostileGateway } from "./hostile-gateway";
import type { HostileBehaviour } from "./hostile-gateway";
import { PASSPHRASE, SOL, prepareKeystore, startMarket, startWorkerCore } from "./market-harness";
import { postRawCampaigns } from "./raw-campaigns";
import { seededRandom } from "../../shared/random";

const MiB = 1024 * 1024;
const METADATA: readonly (HostileBehaviour | "file-zero" | "fifo" | "stranger-host")[] = [
  "endless",
  "huge",
  "slow",
  "stall",
  "wrong-type",
  "not-json",
  "tampered",
  "missing",
  "file-zero",
  "fifo",
  "stranger-host",
];
/** Task lists behind good metadata (slow and stalled bodies are metadata's: a task's timeout is a minute). */
const TASK_LISTS: readonly HostileBehaviour[] = ["endless", "huge", "wrong-type", "not-json", "tampered", "missing"];

export interface FuzzOptions {
  readonly seed: number;
  /** Hostile-metadata campaigns; a third as many good campaigns with hostile task lists. */
  readonly campaigns: number;
  /** A call that has not answered by then counts as a hang. */
  readonly callTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface FuzzReport {
  readonly seed: number;
  readonly campaigns: number;
  readonly calls: number;
  /** Replies by outcome: "ok" or the error code. */
  readonly outcomes: Record<string, number>;
  /** Error replies whose message is not a sentence a person can act on. */
  readonly unclear: string[];
  readonly hangs: string[];
  readonly pingsSent: number;
  readonly pingsAnswered: number;
  readonly rssBaselineMiB: number;
  readonly rssPeakMiB: number;
  readonly gatewaySentMiB: number;
  readonly seconds: number;
}

/** A reply's error message reads as a sentence: words, no stack, no raw object. */
export function isSentence(message: string): boolean {
  return (
    message.length >= 12 &&
    message.includes(" ") &&
    !/\n\s+at /.test(message) &&
    !message.includes("[object ") &&
    !/^[A-Za-z]*Error:?$/.test(message.trim())
  );
}

export async function fuzzChainData(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const pick = seededRandom(options.seed);
  const choose = <T>(items: readonly T[]): T => items[Math.floor(pick() * items.length)]!;
  const timeoutMs = options.callTimeoutMs ?? 20_000;
  const market = await startMarket();
  const gateway = await startHostileGateway();
  const fifo = join(market.home, "metadata.fifo");
  execFileSync("mkfifo", [fifo]);
  const outcomes: Record<string, number> = {};
  const unclear: string[] = [];
  const hangs: string[] = [];
  let calls = 0;
  let pingsSent = 0;
  let pingsAnswered = 0;
  const rss: number[] = [];
  const rssBaseline = process.memoryUsage().rss;
  const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 50);
  let server: Awaited<ReturnType<typeof startBrowserServer>> | undefined;
  let socket: WebSocket | undefined;
  let worker: Awaited<ReturnType<typeof startWorkerCore>> | undefined;
  try {
    // 1. Hostile metadata: raw create_campaign, as any requester can send.
    const uris = Array.from({ length: options.campaigns }, () => {
      const behaviour = choose(METADATA);
      return behaviour === "file-zero"
        ? "file:///dev/zero"
        : behaviour === "fifo"
          ? pathToFileURL(fifo).href
          : behaviour === "stranger-host"
            ? "http://10.255.255.1/metadata.json"
            : gateway.add(behaviour).url;
    });
    await postRawCampaigns(market, uris);
    // 2. Good metadata whose task list the hostile gateway serves.
    const listCampaigns = Math.max(1, Math.floor(options.campaigns / 3));
    for (let i = 0; i < listCampaigns; i++) {
      const behaviour = choose(TASK_LISTS);
      const list = gateway.add(behaviour, new TextEncoder().encode(JSON.stringify({ version: 1, tasks: [] })));
      await market.createCampaign({ tasks: 1, isPrivate: false, metadata: { tasksUri: list.url } });
    }
    // 3. A private campaign whose granted keys open nothing: its ciphertext does not decrypt.
    const sealed = await market.createCampaign({ tasks: 2, isPrivate: true });

    // The worker's app: core behind the browser shell's WebSocket bridge, the hostile gateway first.
    const dataDir = join(market.home, "worker");
    const workerAddress = await prepareKeystore(dataDir);
    market.net.ledger.airdrop(workerAddress as never, 10n * SOL);
    worker = await startWorkerCore(market, dataDir, { background: false, blobUrl: gateway.url });
    await worker.call("settings:update", { blobGateways: [gateway.url, market.net.blobUrl] });
    const rendererDir = join(market.home, "renderer");
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, "index.html"), "<!doctype html><title>fuzz</title>");
    server = await startBrowserServer({ core: worker.core, rendererDir, log: () => {} });
    const ws = new WebSocket(
      server.origin.replace("http", "ws") + "/api",
      [API_PROTOCOL_NAME, TOKEN_PROTOCOL_PREFIX + server.token],
      { origin: server.origin },
    );
    socket = ws;
    ws.setMaxListeners(0);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    let nextId = 1;
    const waiting = new Map<number, (reply: Record<string, unknown>) => void>();
    ws.on("message", (data: Buffer) => {
      const message = decodeWire(new Uint8Array(data)) as Record<string, unknown>;
      if (message.type !== "reply") return;
      waiting.get(message.id as number)?.(message);
      waiting.delete(message.id as number);
    });
    const call = async (channel: string, payload?: unknown): Promise<Record<string, unknown> | null> => {
      const id = nextId++;
      calls++;
      const reply = await new Promise<Record<string, unknown> | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), timeoutMs);
        waiting.set(id, (r) => {
          clearTimeout(timer);
          resolve(r);
        });
        ws.send(encodeWire({ type: "call", id, channel, ...(payload === undefined ? {} : { payload }) }));
      });
      if (!reply) {
        hangs.push(`${channel} ${JSON.stringify(payload ?? null).slice(0, 120)}`);
        return null;
      }
      const error = reply.error as { code?: string; message?: string } | undefined;
      const outcome = reply.ok ? "ok" : (error?.code ?? "no code");
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      if (!reply.ok && !isSentence(error?.message ?? ""))
        unclear.push(`${channel}: ${outcome}: ${JSON.stringify(error?.message ?? null)}`);
      // Bulk calls answer per item: each failed item must say why, too.
      if (reply.ok && Array.isArray(reply.value))
        for (const item of reply.value as { ok?: unknown; error?: unknown }[]) {
          if (typeof item?.ok !== "boolean") continue;
          const key = `${channel} item ${item.ok ? "ok" : "refused"}`;
          outcomes[key] = (outcomes[key] ?? 0) + 1;
          if (!item.ok && !isSentence(typeof item.error === "string" ? item.error : ""))
            unclear.push(`${channel} item: ${JSON.stringify(item.error ?? null)}`);
        }
      if (channel === "tasks:open" || channel === "market:accept") options.log?.(`${channel}: ${outcome}`);
      return reply;
    };
    // A ping beside every call: core must keep answering while it fetches hostile bytes.
    const pinger = setInterval(() => {
      pingsSent++;
      void call("app:ping", { nonce: `p${pingsSent}` }).then((r) => {
        if (r?.ok) pingsAnswered++;
      });
    }, 250);
    try {
      await call("keys:unlock", { passphrase: PASSPHRASE });
      const listed = await call("market:list", { sort: "newest" });
      const views = (listed?.ok ? (listed.value as { address: string; eligible: boolean }[]) : []) ?? [];
      options.log?.(`market:list answered with ${views.length} campaigns`);
      await call("market:list", { sort: "newest" });
      // Accept what can be taken (hostile metadata, hostile task lists and the sealed campaign).
      for (const view of views.filter((v) => v.eligible))
        await call("market:accept", { items: [{ campaign: view.address, count: 1 }] });
      // Keys for the sealed campaign that unwrap to a key its ciphertext was not made with.
      await market.grantKeys(sealed, workerAddress, () => wrapFileKey(generateFileKey(), randomBytes(32)));
      const tasks = await call("tasks:list");
      for (const task of (tasks?.ok ? (tasks.value as { id: string }[]) : []) ?? [])
        await call("tasks:open", { id: task.id });
      await call("market:list", { sort: "pay_desc" });
    } finally {
      clearInterval(pinger);
      // let the last pings answer
      await call("app:ping", { nonce: "last" });
    }
  } finally {
    clearInterval(sampler);
    socket?.close();
    await server?.close();
    await worker?.close();
    await gateway.close();
    await market.close();
  }
  return {
    seed: options.seed,
    campaigns: options.campaigns,
    calls,
    outcomes,
    unclear,
    hangs,
    pingsSent,
    pingsAnswered,
    rssBaselineMiB: Math.round(rssBaseline / MiB),
    rssPeakMiB: Math.round(Math.max(rssBaseline, ...rss) / MiB),
    gatewaySentMiB: Math.round(gateway.bytesSent() / MiB),
    seconds: (performance.now() - started) / 1000,
  };
}
