import type { Handlers } from "./api";
import { EventHub, createDispatcher } from "./api";
import type { Dispatch } from "./api";
import type { AppIdentity } from "./app";
import { appHandlers } from "./app";
import { DraftRepository, draftHandlers } from "./drafts";
import { createFirstGuess } from "./first-guess";
import { Keystore, keysHandlers, storeThrottleStorage } from "./keystore";
import { deriveWsUrl } from "./market";
import { NetMonitor } from "./net";
import { KeyServiceRunner, RequesterService, keystoreRequesterKeys, requesterHandlers } from "./requester";
import type { FolderPicker } from "./requester";
import { SettingsRepository, defaultSettings, settingsHandlers } from "./settings";
import { Store } from "./store";
import { WalletService, walletHandlers } from "./wallet";
import { GovernanceService, governanceHandlers } from "./governance";
import { createWorkerServices } from "./worker";

export interface CoreOptions {
  readonly identity: AppIdentity;
  readonly log?: (line: string) => void;
  /** Start background loops (network checks, later sync). Tests may leave them off. */
  readonly background?: boolean;
  /** PubSub URL of the chain; by default the RPC URL's port + 1 (Solana's convention). */
  readonly wsUrl?: string;
  /** A native folder dialog for the Requester view (the Electron shell passes one). */
  readonly pickFolder?: FolderPicker;
}

export interface Core {
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  readonly store: Store;
  dispose(): Promise<void>;
}

/**
 * Composes every capability of the app behind the contract. Knows nothing of Electron or of
 * browsers: the shells only move messages in and out of `dispatch` and `events`.
 */
export function createCore(options: CoreOptions): Core {
  const log = options.log ?? ((line: string) => console.error(`[core] ${line}`));
  const store = Store.open({ dataDir: options.identity.dataDir, log });
  const events = new EventHub();
  const settings = new SettingsRepository(store, defaultSettings());
  settings.applyProgramAddress();
  const net = new NetMonitor({
    rpcUrl: () => settings.get().rpcUrl,
    onChange: (status) => events.emit("net:changed", status),
  });
  const drafts = new DraftRepository(store);
  const keystore = new Keystore({
    dataDir: options.identity.dataDir,
    autoLockMinutes: () => settings.get().autoLockMinutes,
    throttle: storeThrottleStorage(store),
  });
  keystore.onChange((status) => events.emit("keys:changed", status));
  // A shorter auto-lock applies at once, not after the idle time armed under the old one.
  const unwatchSettings = events.subscribe((event) => {
    if (event === "settings:changed") {
      keystore.autoLockChanged();
      // A new RPC is checked at once: the badge must not keep the old one's "online".
      if (net.status().rpcUrl !== settings.get().rpcUrl) void net.check();
    }
  });
  // First guesses read task bytes from the task service's memory; the two are wired both ways.
  let tasks: { bytesInMemory(id: string): Uint8Array | null } | null = null;
  const firstGuess = createFirstGuess({
    dataDir: options.identity.dataDir,
    store,
    events,
    log,
    imageSource: async (id) => tasks?.bytesInMemory(id) ?? null,
  });
  const worker = createWorkerServices({
    dataDir: options.identity.dataDir,
    store,
    settings,
    events,
    keystore,
    drafts,
    log,
    firstGuess: firstGuess.service,
    ...(options.wsUrl ? { wsUrl: options.wsUrl } : {}),
  });
  tasks = worker.tasks;

  const requester = new RequesterService({
    dataDir: options.identity.dataDir,
    endpoints: () => {
      const { rpcUrl, blobGateways } = settings.get();
      return {
        rpcUrl,
        wsUrl: options.wsUrl ?? deriveWsUrl(rpcUrl),
        blobUrl: blobGateways[0] ?? process.env.AMPLIFY_BLOB_URL ?? null,
      };
    },
    keys: () => keystoreRequesterKeys(keystore),
    onProgress: (progress) => events.emit("requester:progress", progress),
    onCreated: (_campaign, isPrivate) => {
      if (isPrivate)
        void keyService.ensureRunning().catch((error: unknown) => log(`key service did not start: ${String(error)}`));
    },
  });
  const keyService = new KeyServiceRunner({ keystore, requester, log });

  const handlers: Handlers = {
    ...appHandlers(options.identity, store, net),
    ...settingsHandlers(settings, events),
    ...draftHandlers(drafts),
    ...keysHandlers(keystore),
    "session:activity": () => {
      keystore.noteUserActivity();
      return { at: Date.now() };
    },
    ...firstGuess.handlers,
    ...worker.handlers,
    ...walletHandlers(new WalletService({ rpcUrl: () => settings.get().rpcUrl, owner: () => keystore.address() })),
    ...requesterHandlers(requester, keyService, options.pickFolder),
    ...governanceHandlers(
      new GovernanceService({
        endpoints: () => {
          const { rpcUrl, blobGateways } = settings.get();
          return {
            rpcUrl,
            wsUrl: options.wsUrl ?? deriveWsUrl(rpcUrl),
            blobUrl: blobGateways[0] ?? process.env.AMPLIFY_BLOB_URL ?? "",
          };
        },
        signer: () => keystoreRequesterKeys(keystore).signer,
        owner: () => keystore.address(),
      }),
    ),
  };
  if (options.background !== false) {
    net.start();
    worker.start();
    keyService.start();
  }

  const dispatch = createDispatcher(handlers, log);
  return {
    // Calls are not activity (screens poll, so they would keep the key open forever): only
    // "session:activity", sent by the renderer on real input, postpones the auto-lock.
    dispatch,
    events,
    store,
    async dispose() {
      unwatchSettings();
      net.dispose();
      await keyService.dispose();
      await worker.dispose();
      await firstGuess.dispose();
      keystore.dispose();
      events.dispose();
      store.close();
    },
  };
}
