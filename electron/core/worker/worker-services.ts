import { createHash } from "node:crypto";
import { join } from "node:path";
import { address } from "@solana/kit";
import { getSubmitResultInstruction, parseTaskKey } from "../../../shared/protocol";
import type { EventHub, HandlerGroup } from "../api";
import { BlobFetcher, uploadBlob } from "../../../lib/blobs";
import { ChainClient, ProtocolConfig } from "../../../lib/chain";
import type { DraftRepository } from "../drafts";
import type { Keystore } from "../keystore";
import { MarketService, MarketWatcher, createMarketFeedService, deriveWsUrl, marketHandlers } from "../market";
import { OutboxRepository, OutboxService, ResultSubmitter, SyncLoop, outboxHandlers } from "../outbox";
import { ProfileCache, ProfileService, profileHandlers } from "../profile";
import { DepositsService, depositsHandlers } from "../wallet";
import type { SettingsRepository } from "../settings";
import type { Store } from "../store";
import { moderationHandlers, withModeration } from "../moderation";
import {
  CampaignMetadataCache,
  CampaignTaskLists,
  DecryptPool,
  TaskDirectory,
  TaskService,
  tasksHandlers,
} from "../tasks";
import type { FirstGuessHook } from "../tasks";

export interface WorkerServicesOptions {
  readonly dataDir: string;
  readonly store: Store;
  readonly settings: SettingsRepository;
  readonly events: EventHub;
  readonly keystore: Keystore;
  readonly drafts: DraftRepository;
  /** PubSub URL; by default the RPC URL's port + 1. */
  readonly wsUrl?: string;
  /** Told of every opened or prefetched task's bytes (in memory) to prepare first guesses. */
  readonly firstGuess?: FirstGuessHook;
  readonly log: (line: string) => void;
}

type WorkerChannel =
  | "profile:get"
  | "profile:register"
  | "market:list"
  | "market:stats"
  | "market:accept"
  | "feed:page"
  | "feed:charts"
  | "feed:status"
  | "feed:quote"
  | "tasks:list"
  | "tasks:open"
  | "tasks:example"
  | "tasks:submit"
  | "tasks:prefetch"
  | "moderation:submit"
  | "outbox:summary"
  | "outbox:list"
  | "outbox:retry"
  | "outbox:export"
  | "outbox:syncNow"
  | "wallet:deposits"
  | "wallet:reclaim";

export interface WorkerServices {
  readonly handlers: HandlerGroup<WorkerChannel>;
  readonly chain: ChainClient;
  readonly tasks: TaskService;
  readonly sync: SyncLoop;
  readonly outbox: OutboxService;
  readonly market: MarketService;
  readonly profile: ProfileService;
  start(): void;
  dispose(): Promise<void>;
}

/** The worker side of the market: chain, task data, outbox and sync, wired to the contract. */
export function createWorkerServices(options: WorkerServicesOptions): WorkerServices {
  const { settings, events, keystore, log } = options;
  const blobGateways = (): string[] => {
    const list = [...settings.get().blobGateways];
    if (process.env.AMPLIFY_BLOB_URL && !list.includes(process.env.AMPLIFY_BLOB_URL))
      list.push(process.env.AMPLIFY_BLOB_URL);
    return list;
  };
  const chain = new ChainClient({ rpcUrl: () => settings.get().rpcUrl });
  const protocol = new ProtocolConfig(chain);
  const blobs = new BlobFetcher({ cacheDir: join(options.dataDir, "cache", "ciphertext"), gateways: blobGateways });
  // Metadata that arrives after a listing stopped waiting: tell the screens once a second at most.
  let refresh: NodeJS.Timeout | undefined;
  const metadata = new CampaignMetadataCache(blobs, {
    log,
    onSettled: () => {
      refresh ??= setTimeout(() => {
        refresh = undefined;
        events.emit("market:changed", { at: Date.now(), source: "poll" });
      }, 1000);
      refresh.unref();
    },
  });
  const directory = new TaskDirectory(chain, () => keystore.address(), metadata, new CampaignTaskLists(blobs, log));
  const pool = new DecryptPool(log);
  const repo = new OutboxRepository(options.store);
  const profile = new ProfileService(chain, keystore, protocol, directory, new ProfileCache(options.store));
  const market = new MarketService(chain, protocol, keystore, profile, metadata);
  const tasks = new TaskService({
    directory,
    blobs,
    pool,
    keystore,
    drafts: options.drafts,
    config: protocol,
    prefetchCount: () => settings.get().prefetchCount,
    isQueued: (id) => repo.has(id),
    onFailed: (id, code, message) => events.emit("tasks:failed", { id, code, message }),
    onPrefetch: (status) => events.emit("tasks:prefetchChanged", status),
    ...(options.firstGuess ? { firstGuess: options.firstGuess } : {}),
    log,
  });

  let outbox: OutboxService | null = null;
  const emitOutbox = (ids: readonly string[]): void => {
    if (outbox) events.emit("outbox:changed", { summary: outbox.summary(), items: outbox.items(ids) });
  };
  const sync = new SyncLoop({
    repo,
    chain,
    upload: (uri, bytes) => uploadBlob(uri, bytes),
    signer: () => (keystore.isUnlocked() ? keystore.signer() : null),
    instructions: async (row, signer) => [
      await getSubmitResultInstruction({
        worker: signer,
        campaign: address(row.campaign),
        taskIndex: parseTaskKey(row.task).index,
        resultHash: Buffer.from(row.resultHash, "hex"),
        resultUri: row.resultUri,
      }),
    ],
    onChange: emitOutbox,
    // A tuning knob for tests and benches; the default suits people.
    ...(process.env.AMPLIFY_SYNC_MAX_BACKOFF_MS
      ? { maxBackoffMs: Number(process.env.AMPLIFY_SYNC_MAX_BACKOFF_MS) }
      : {}),
    onOnline: (online, reason) => {
      outbox?.noteOnline(online, reason);
      emitOutbox([]);
    },
    log,
  });
  outbox = new OutboxService(repo, sync);
  const submitter = new ResultSubmitter({
    directory,
    repo,
    blobStore: () => blobGateways()[0] ?? null,
    afterQueue: (id) => {
      // Screens learn of the new row now, not when the first sync pass (upload, send) ends.
      emitOutbox([id]);
      sync.kick();
    },
  });
  const watcher = new MarketWatcher({
    wsUrl: () => options.wsUrl ?? deriveWsUrl(settings.get().rpcUrl),
    fingerprint: async () => {
      const hash = createHash("sha256");
      for (const c of await market.campaigns())
        hash
          .update(c.address)
          .update(String(c.account.openAssignments))
          .update(String(c.account.submittedCount))
          .update(String(c.account.taskCount));
      return hash.digest("hex");
    },
    onChange: (source) => events.emit("market:changed", { at: Date.now(), source }),
    log,
  });
  const marketFeed = createMarketFeedService({
    store: options.store,
    events,
    rpcUrl: () => settings.get().rpcUrl,
    wsUrl: () => options.wsUrl ?? deriveWsUrl(settings.get().rpcUrl),
    metadata,
    log,
  });
  const offKeys = keystore.onChange((status) => {
    if (status.state === "unlocked") sync.keyAvailable();
  });

  return {
    handlers: {
      ...profileHandlers(profile),
      ...marketHandlers(market),
      ...marketFeed.handlers,
      ...tasksHandlers(tasks, submitter, (task) => withModeration(task, directory.get(task.meta.id)?.metadata ?? null)),
      ...moderationHandlers({
        submitter,
        forget: (id) => tasks.forget(id),
        metadataOf: async (id) => (await directory.lookup(id).catch(() => undefined))?.metadata,
      }),
      ...outboxHandlers(outbox),
      ...depositsHandlers(new DepositsService(chain, keystore)),
    },
    chain,
    tasks,
    sync,
    outbox,
    market,
    profile,
    start() {
      sync.start();
      watcher.start();
      marketFeed.start();
    },
    async dispose() {
      offKeys();
      sync.stop();
      watcher.stop();
      marketFeed.stop();
      await sync.whenIdle();
      tasks.dispose();
      await pool.dispose();
    },
  };
}
