import { describe, expect, it } from "vitest";
import type { CallChannel } from "../../../../../shared/api";
import { ApiError, MAX_PAYLOAD_BYTES, callChannels } from "../../../../../shared/api";
import { createDispatcher } from "../../../../../electron/core/api";
import type { Handlers } from "../../../../../electron/core/api";

/** Handlers that record what reached them; individual tests override single channels. */
function handlersWith(overrides: Partial<Record<CallChannel, (input: unknown) => unknown>>): Handlers {
  const handlers: Record<string, (input: unknown) => unknown> = {};
  for (const channel of callChannels) {
    handlers[channel] = () => {
      throw new Error(`unexpected call to ${channel}`);
    };
  }
  return { ...handlers, ...overrides } as unknown as Handlers;
}

describe("core dispatcher", () => {
  it("passes a valid call through and returns the validated value", async () => {
    const dispatch = createDispatcher(
      handlersWith({ "app:ping": (input) => ({ nonce: (input as { nonce: string }).nonce, at: 1 }) }),
    );
    await expect(dispatch("app:ping", { nonce: "abc" })).resolves.toEqual({ ok: true, value: { nonce: "abc", at: 1 } });
  });

  it("answers an unknown channel with unknown_channel", async () => {
    const dispatch = createDispatcher(handlersWith({}));
    for (const channel of ["nope:nothing", "__proto__", "constructor", 42, null, undefined]) {
      const reply = await dispatch(channel, {});
      expect(reply).toMatchObject({ ok: false, error: { code: "unknown_channel" } });
    }
  });

  it("answers a wrong shape with invalid_input and never calls the handler", async () => {
    let called = false;
    const dispatch = createDispatcher(handlersWith({ "app:ping": () => ((called = true), { nonce: "", at: 0 }) }));
    for (const payload of [undefined, null, "x", { nonce: 5 }, { nonce: "x".repeat(65) }]) {
      expect(await dispatch("app:ping", payload)).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    }
    expect(called).toBe(false);
  });

  it("answers an oversized payload with payload_too_large", async () => {
    const dispatch = createDispatcher(handlersWith({ "app:ping": () => ({ nonce: "", at: 0 }) }));
    const reply = await dispatch("app:ping", { nonce: "a" }, { encodedBytes: MAX_PAYLOAD_BYTES + 1 });
    expect(reply).toMatchObject({ ok: false, error: { code: "payload_too_large" } });
  });

  it("turns a thrown ApiError into its code and any other throw into internal", async () => {
    const dispatch = createDispatcher(
      handlersWith({
        "app:ping": () => {
          throw new ApiError("locked", "unlock first");
        },
        "app:info": () => {
          throw new TypeError("boom");
        },
      }),
    );
    expect(await dispatch("app:ping", { nonce: "a" })).toEqual({
      ok: false,
      error: { code: "locked", message: "unlock first" },
    });
    expect(await dispatch("app:info", undefined)).toEqual({
      ok: false,
      error: { code: "internal", message: expect.stringMatching(/^Something went wrong inside the app/) },
    });
  });

  it("says what is wrong for a file-system failure instead of internal", async () => {
    const errno = (code: string, path: string) =>
      Object.assign(new Error(`${code}: bad, open '${path}'`), { code, path, syscall: "open" });
    const dispatch = createDispatcher(
      handlersWith({
        "app:info": () => {
          throw errno("EINVAL", "/tmp/bad\u0001name");
        },
        "net:status": () => {
          throw errno("ENOENT", "/nowhere/at/all");
        },
        "keys:status": () => {
          throw errno("EACCES", "/root/secret");
        },
      }),
    );
    const einval = await dispatch("app:info", undefined);
    expect(einval).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(!einval.ok && einval.error.message).toMatch(/not valid/);
    expect(await dispatch("net:status", undefined)).toMatchObject({
      ok: false,
      error: { code: "not_found", message: "The app cannot find /nowhere/at/all: no such file or folder." },
    });
    expect(await dispatch("keys:status", undefined)).toMatchObject({
      ok: false,
      error: { code: "rejected", message: "The app cannot use /root/secret: permission denied." },
    });
  });

  it("refuses to send a reply that breaks the contract", async () => {
    const lines: string[] = [];
    const dispatch = createDispatcher(handlersWith({ "app:ping": () => ({ nonce: 1 }) }), (l) => lines.push(l));
    expect(await dispatch("app:ping", { nonce: "a" })).toMatchObject({ ok: false, error: { code: "invalid_output" } });
    expect(lines.join("\n")).toContain("contract violation");
  });
});
