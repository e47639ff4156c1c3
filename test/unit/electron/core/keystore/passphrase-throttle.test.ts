import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApiReply } from "../../../../../shared/api";
import { createCore } from "../../../../../electron/core";
import type { Core } from "../../../../../electron/core";

const PASS = "correct horse battery";
/** The throttle's free attempts before the first wait. */
const ALLOWED = 3;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "amplify-throttle-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function open(): Core {
  return createCore({
    identity: { name: "Amplify", version: "0.0.0-test", shell: "browser", dataDir: dir },
    background: false,
    log: () => {},
  });
}

/** A reply saying "wrong passphrase" is a guess that reached scrypt; "too many" was refused before it. */
function tally(replies: ApiReply[]): { tried: number; throttled: number; other: string[] } {
  const out = { tried: 0, throttled: 0, other: [] as string[] };
  for (const r of replies) {
    if (r.ok) out.other.push("ok");
    else if (r.error.message === "wrong passphrase") out.tried += 1;
    else if (r.error.message.startsWith("too many wrong passphrases")) out.throttled += 1;
    else out.other.push(`${r.error.code}: ${r.error.message}`);
  }
  return out;
}

describe("passphrase throttle", () => {
  it("lets no more than the allowed guesses reach scrypt from 40 concurrent unlocks and 40 passphrase changes", async () => {
    const core = open();
    try {
      await core.dispatch("keys:create", { passphrase: PASS });
      await core.dispatch("keys:lock", undefined);
      const calls: Promise<ApiReply>[] = [];
      for (let i = 0; i < 40; i++) {
        calls.push(core.dispatch("keys:unlock", { passphrase: `wrong guess ${i}` }));
        calls.push(
          core.dispatch("keys:changePassphrase", { current: `other guess ${i}`, next: "attacker chosen passphrase" }),
        );
      }
      const result = tally(await Promise.all(calls));
      expect(result.other).toEqual([]);
      expect(result.tried).toBe(ALLOWED);
      expect(result.throttled).toBe(80 - ALLOWED);
      // The right passphrase waits out the lockout like any guess.
      const right = await core.dispatch("keys:unlock", { passphrase: PASS });
      expect(right.ok).toBe(false);
      expect(tally([right]).throttled).toBe(1);
    } finally {
      await core.dispose();
    }
  });

  it("keeps counting across a restart", async () => {
    let core = open();
    await core.dispatch("keys:create", { passphrase: PASS });
    await core.dispatch("keys:lock", undefined);
    const first = tally(
      await Promise.all(
        [1, 2, 3, 4, 5].map((i) =>
          core.dispatch("keys:changePassphrase", { current: `guess ${i}`, next: "attacker chosen passphrase" }),
        ),
      ),
    );
    expect(first.tried).toBe(ALLOWED);
    await core.dispose();

    core = open();
    try {
      const status = await core.dispatch("keys:status", undefined);
      expect(status.ok && (status.value as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
      expect(tally([await core.dispatch("keys:unlock", { passphrase: "guess after restart" })]).throttled).toBe(1);
    } finally {
      await core.dispose();
    }
  });
});
