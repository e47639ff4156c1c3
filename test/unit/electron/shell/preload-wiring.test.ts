// electron/preload.ts itself, against fakes of contextBridge and ipcRenderer: it exposes one
// frozen `amplifyBridge` whose functions are exactly the contract's calls, each an
// ipcRenderer.invoke on its channel, and whose events.on forwards only the named event and
// refuses names the contract does not know.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { callChannels } from "../../../../shared/api";
import { EVENT_IPC_CHANNEL } from "../../../../shared/api/bridge";

type Listener = (event: unknown, ...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const module = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve("reply");
      },
      on: (channel: string, l: Listener) =>
        (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(l),
      removeListener: (channel: string, l: Listener) => listeners.get(channel)?.delete(l),
    },
  };
  return { module, exposed, invoked, listeners };
});

vi.mock("electron", () => ({ ...fake.module, default: fake.module }));

type Bridge = Record<string, Record<string, (input?: unknown) => Promise<unknown>>> & {
  events: { on(event: string, listener: (payload: unknown) => void): () => void };
};
let bridge: Bridge;

beforeAll(async () => {
  await import("../../../../electron/preload");
  bridge = fake.exposed.get("amplifyBridge") as Bridge;
});

describe("electron/preload.ts wiring", () => {
  it("exposes only amplifyBridge, frozen, with one function per contract call that invokes its channel", async () => {
    expect([...fake.exposed.keys()]).toEqual(["amplifyBridge"]);
    expect(Object.isFrozen(bridge)).toBe(true);
    const exposedCalls = Object.entries(bridge)
      .filter(([domain]) => domain !== "events")
      .flatMap(([domain, verbs]) => {
        expect(Object.isFrozen(verbs)).toBe(true);
        return Object.keys(verbs).map((verb) => `${domain}:${verb}`);
      });
    expect(exposedCalls.sort()).toEqual([...callChannels].sort());
    for (const channel of callChannels) {
      const [domain, verb] = channel.split(":") as [string, string];
      await expect(bridge[domain]![verb]!({ probe: channel })).resolves.toBe("reply");
      expect(fake.invoked.at(-1)).toEqual([channel, { probe: channel }]);
    }
  });

  it("forwards only the subscribed event, stops on unsubscribe, and refuses unknown events", () => {
    const seen: unknown[] = [];
    const off = bridge.events.on("net:changed", (payload) => seen.push(payload));
    const emit = (name: string, payload: unknown) => {
      for (const l of fake.listeners.get(EVENT_IPC_CHANNEL) ?? []) l({}, name, payload);
    };
    emit("net:changed", 1);
    emit("outbox:changed", 2);
    off();
    emit("net:changed", 3);
    expect(seen).toEqual([1]);
    expect(() => bridge.events.on("no:such", () => undefined)).toThrow(/unknown event/);
  });
});
