import { describe, expect, it } from "vitest";
import { callChannels, calls, eventNames, events } from "../../../../shared/api";

/** Values of every JSON-ish type, including the nasty ones, fed to every schema. */
const HOSTILE: unknown[] = [
  null,
  0,
  -1,
  Number.NaN,
  "",
  "x".repeat(10_000),
  [],
  [null],
  {},
  { __proto__: { polluted: true } },
  { constructor: { prototype: {} } },
  true,
  new Uint8Array(4),
];

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

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
  it("rejects hostile and random payloads without throwing", () => {
    const rand = seeded(42);
    for (const channel of callChannels) {
      const spec = calls[channel];
      for (const value of [...HOSTILE, ...Array.from({ length: 200 }, () => randomValue(rand))]) {
        expect(() => spec.input.safeParse(value)).not.toThrow();
        expect(() => spec.output.safeParse(value)).not.toThrow();
      }
    }
    for (const name of eventNames) {
      for (const value of HOSTILE) expect(() => events[name].payload.safeParse(value)).not.toThrow();
    }
  });

  it("uses domain:verb channel names", () => {
    for (const channel of [...callChannels, ...eventNames]) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });
});
