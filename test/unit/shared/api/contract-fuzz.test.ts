import { describe, expect, it } from "vitest";
import { callChannels, calls, eventNames, events } from "../../../../shared/api";
import type { CallChannel, CallInput } from "../../../../shared/api";
import type { AnnotationDocument } from "../../../../shared/annotation";
import { seededRandom } from "../../../../shared/random";

const TASK = "7".repeat(44);
const CAMPAIGN = "8".repeat(44);
const DOC: AnnotationDocument = {
  schema: 2,
  taskId: TASK,
  labels: [{ id: "car", name: "Car", color: "#ff0000" }],
  shapes: [],
  classes: [],
  timeSpentMs: 1200,
};

/** One valid payload per channel; the type makes a new channel add its own. */
const VALID: { [C in CallChannel]: CallInput<C> } = {
  "app:info": undefined,
  "app:ping": { nonce: "n-1" },
  "net:status": undefined,
  "drafts:save": { doc: DOC },
  "drafts:load": { taskId: TASK },
  "drafts:discard": { taskId: TASK },
  "guesses:status": { rescan: true },
  "guesses:setEnabled": { campaignId: CAMPAIGN, enabled: true },
  "guesses:suggest": { taskId: TASK, image: new Uint8Array([137, 80, 78, 71]), labels: [...DOC.labels] },
  "keys:status": undefined,
  "keys:create": { passphrase: "correct horse battery" },
  "keys:import": { source: { kind: "file", path: "/tmp/id.json" }, passphrase: "correct horse battery" },
  "keys:unlock": { passphrase: "correct horse battery" },
  "keys:lock": undefined,
  "keys:changePassphrase": { current: "correct horse battery", next: "another long passphrase" },
  "market:list": { eligibleOnly: true, sort: "pay_desc" },
  "market:stats": undefined,
  "market:accept": { items: [{ campaign: CAMPAIGN, count: 2 }] },
  "moderation:submit": {
    id: TASK,
    result: { schema: 1, kind: "moderation", taskId: TASK, decisions: ["ok"], timeSpentMs: 900 },
  },
  "outbox:summary": undefined,
  "outbox:list": { limit: 10 },
  "outbox:retry": { id: "o-1" },
  "outbox:export": { id: "o-1" },
  "outbox:syncNow": undefined,
  "profile:get": undefined,
  "profile:register": undefined,
  "requester:create": {
    folder: "/tmp/images",
    title: "Cars",
    instructions: "Box every car.",
    labelKind: "box",
    labels: ["car"],
    priceSol: "0.005",
    minStars: 1,
    replication: 3,
    deadlineDays: 7,
    isPrivate: true,
  },
  "requester:campaigns": undefined,
  "requester:review": { campaign: CAMPAIGN, dryRun: true },
  "requester:export": { campaign: CAMPAIGN, format: "coco", outDir: "/tmp/out" },
  "requester:keyService": undefined,
  "requester:pickFolder": { purpose: "images" },
  "settings:get": undefined,
  "settings:update": { theme: "light" },
  "tasks:list": { includeDone: true },
  "tasks:open": { id: TASK },
  "tasks:example": { id: TASK, index: 0 },
  "tasks:submit": { id: TASK, doc: DOC },
  "tasks:prefetch": undefined,
  "wallet:network": undefined,
  "wallet:requestAirdrop": { sol: 1 },
  "feed:page": { from: { kind: "newest" }, skip: 0, limit: 50, withTotal: true },
  "feed:charts": { windowSeconds: 86_400, buckets: 48 },
  "feed:status": undefined,
  "feed:quote": { labelKind: "box", minRating: 2000, replication: 3, deadlineSeconds: 7 * 86_400, tasks: 100 },
  "session:activity": undefined,
  "governance:overview": undefined,
  "governance:claim": undefined,
  "governance:stake": { amp: "12.5" },
  "governance:vote": { id: 0, support: true },
  "governance:execute": { id: 0 },
  "governance:close": { id: 0 },
  "governance:propose": { kind: "upgrade-authority", to: "11111111111111111111111111111112" },
  "requester:rent": undefined,
  "requester:end": { campaign: CAMPAIGN },
  "requester:close": { campaign: CAMPAIGN },
  "wallet:deposits": undefined,
  "wallet:reclaim": undefined,
};

/** Payloads no channel takes: wrong types, prototype tricks, bytes where an object belongs. */
const HOSTILE: Array<[string, unknown]> = [
  ["null", null],
  ["0", 0],
  ["-1", -1],
  ["NaN", Number.NaN],
  ["empty string", ""],
  ["long string", "x".repeat(10_000)],
  ["empty array", []],
  ["[null]", [null]],
  ["inherited fields", { __proto__: { polluted: true, includeDone: true, theme: "light" } }],
  ["constructor key", { constructor: { prototype: {} } }],
  ["__proto__ key", JSON.parse('{"__proto__": {"polluted": true}}')],
  ["true", true],
  ["Uint8Array", new Uint8Array(4)],
  ["Date", new Date(0)],
  ["Map", new Map([["includeDone", true]])],
];

function randomValue(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * (depth > 2 ? 5 : 7));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return Math.floor(rand() * 2 ** 40) * (rand() < 0.5 ? -1 : 1);
    case 2:
      return rand()
        .toString(36)
        .repeat(Math.floor(rand() * 5));
    case 3:
      return rand() < 0.5;
    case 4:
      return undefined;
    case 5:
      return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < Math.floor(rand() * 4); i++)
        o[["taskId", "doc", "nonce", "theme", "x", "shapes"][Math.floor(rand() * 6)]!] = randomValue(rand, depth + 1);
      return o;
    }
  }
}

describe("every contract schema", () => {
  it("accepts the one valid payload of each channel", () => {
    for (const channel of callChannels) {
      const parsed = calls[channel].input.safeParse(VALID[channel]);
      expect(parsed.error?.issues ?? [], channel).toEqual([]);
    }
  });

  it("refuses every hostile payload on every channel, and every hostile reply and event", () => {
    const accepted: string[] = [];
    for (const channel of callChannels) {
      for (const [name, value] of HOSTILE) {
        if (calls[channel].input.safeParse(value).success) accepted.push(`${channel} input: ${name}`);
        // An empty list is a valid reply for list channels and null a valid "no draft".
        if (name !== "empty array" && name !== "null" && calls[channel].output.safeParse(value).success)
          accepted.push(`${channel} output: ${name}`);
      }
    }
    for (const name of eventNames) {
      for (const [label, value] of HOSTILE)
        if (events[name].payload.safeParse(value).success) accepted.push(`${name} event: ${label}`);
    }
    expect(accepted).toEqual([]);
  });

  it("never throws on random payloads, and what it accepts is plain data", () => {
    const rand = seededRandom(42);
    for (const channel of callChannels) {
      for (let i = 0; i < 200; i++) {
        const value = randomValue(rand);
        const input = calls[channel].input.safeParse(value);
        if (input.success) expect(JSON.parse(JSON.stringify(input.data ?? null))).toEqual(input.data ?? null);
        expect(() => calls[channel].output.safeParse(value)).not.toThrow();
      }
    }
  });

  it("uses domain:verb channel names", () => {
    for (const channel of [...callChannels, ...eventNames]) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });
});
