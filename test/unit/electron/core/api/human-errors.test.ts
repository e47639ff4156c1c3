// Every error a person sees is a sentence about their input, tied to the field it concerns: the
// contract's schemas and core's own checks both answer with { path, message } field issues, never
// validator wording ("Too small: expected string to have >=32 characters at source.secret") or a
// channel prefix ("keys:import: …").
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ApiErrorPayload, CallChannel, CreateCampaignRequest } from "../../../../../shared/api";
import { callChannels } from "../../../../../shared/api";
import { createDispatcher } from "../../../../../electron/core/api";
import type { Handlers } from "../../../../../electron/core/api";
import { Keystore, keysHandlers } from "../../../../../electron/core/keystore";
import { toApiError } from "../../../../../electron/core/errors";
import { ApiError } from "../../../../../shared/api";
import { BlobError } from "../../../../../lib/blobs";
import { EnvelopeError } from "../../../../../lib/crypto";
import { FileReadError } from "../../../../../lib/files";
import { RequesterError, parseTransactionError } from "../../../../../lib/chain";

const dir = mkdtempSync(join(tmpdir(), "amplify-human-errors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real keys handlers over a real keystore; every other channel fails loudly if reached. */
function dispatcher() {
  const keystore = new Keystore({ dataDir: dir, autoLockMinutes: () => 15, scrypt: { N: 1024, r: 8, p: 1 } });
  const handlers: Record<string, (input: unknown) => unknown> = {};
  for (const channel of callChannels)
    handlers[channel] = () => {
      throw new Error(`unexpected call to ${channel}`);
    };
  return createDispatcher({ ...handlers, ...keysHandlers(keystore) } as unknown as Handlers);
}
const dispatch = dispatcher();

async function refusal(channel: CallChannel, payload: unknown): Promise<ApiErrorPayload> {
  const reply = await dispatch(channel, payload);
  if (reply.ok) throw new Error(`${channel} accepted ${JSON.stringify(payload)}`);
  return reply.error;
}

/** Validator or CLI wording, a channel prefix or a schema path: none of it may reach a person. */
const MACHINE_WORDING =
  /Too (small|big)|expected (string|number|array)|Invalid (input|string|url)|\bat [a-z]+(\.[a-z0-9]+)+|^[a-z]+:[a-zA-Z]+:|run the same command|>=|<=/;

function expectSentence(message: string) {
  expect(message).not.toMatch(MACHINE_WORDING);
  expect(message).toMatch(/^[A-Z“"/]/);
  expect(message).toMatch(/[.)]$/);
}

const CAMPAIGN: CreateCampaignRequest = {
  folder: "/srv/images",
  title: "Boxes",
  instructions: "",
  labelKind: "box",
  labels: ["car"],
  priceSol: "0.005",
  minStars: 0,
  replication: 1,
  deadlineDays: 7,
  isPrivate: false,
};

describe("errors a person sees are sentences tied to their field", () => {
  it("a short base58 secret: a sentence at source.secret, not zod's words", async () => {
    const error = await refusal("keys:import", {
      source: { kind: "base58", secret: "abc" },
      passphrase: "long enough pass",
    });
    expect(error.code).toBe("invalid_input");
    expectSentence(error.message);
    expect(error.message).toMatch(/too short for a secret key/);
    expect(error.fields).toEqual([{ path: "source.secret", message: error.message }]);
  });

  it("core's own check of the key (not base58, wrong length, not a keypair file) names its field", async () => {
    const notBase58 = await refusal("keys:import", {
      source: { kind: "base58", secret: "0OIl".repeat(10) },
      passphrase: "long enough pass",
    });
    expect(notBase58.fields).toEqual([{ path: "source.secret", message: expect.stringMatching(/not a base58/) }]);
    expectSentence(notBase58.message);

    const file = join(dir, "not-a-keypair.json");
    writeFileSync(file, JSON.stringify({ hello: "world" }));
    const notKeypair = await refusal("keys:import", { source: { kind: "file", path: file }, passphrase: "long pass!" });
    expect(notKeypair.fields).toEqual([{ path: "source.path", message: expect.stringMatching(/64 numbers/) }]);
    expectSentence(notKeypair.message);

    const missing = await refusal("keys:import", {
      source: { kind: "file", path: join(dir, "nowhere.json") },
      passphrase: "long pass!",
    });
    expect(missing.fields?.[0]?.path).toBe("source.path");
    expectSentence(missing.message);
  });

  it("the campaign form: price, labels and deadline each get their own sentence, all at once", async () => {
    const error = await refusal("requester:create", {
      ...CAMPAIGN,
      priceSol: "0,005",
      labels: ["car", "x".repeat(200)],
      deadlineDays: 0,
    });
    expect(error.code).toBe("invalid_input");
    const byPath = new Map((error.fields ?? []).map((f) => [f.path, f.message]));
    expect(byPath.get("priceSol")).toMatch(/“0,005” is not a price in SOL.*like 0\.005/);
    expect(byPath.get("labels.1")).toMatch(/The label “x{24}…” is too long: a label name has at most 128 characters/);
    expect(byPath.get("deadlineDays")).toMatch(/at least 1 day/);
    for (const message of byPath.values()) expectSentence(message);
    expect(error.message).toBe(error.fields?.[0]?.message);
  });

  it("the campaign form's other fields: empty title and labels, workers, rating, a number that is not one", async () => {
    const error = await refusal("requester:create", {
      ...CAMPAIGN,
      folder: " ",
      title: "",
      labels: [],
      replication: 0,
      minStars: 9,
      deadlineDays: Number.NaN,
    });
    const paths = (error.fields ?? []).map((f) => f.path).sort();
    expect(paths).toEqual(["deadlineDays", "folder", "labels", "minStars", "replication", "title"]);
    for (const f of error.fields ?? []) expectSentence(f.message);
  });

  it("settings: a URL that is not one, an auto-lock of 0 and too many tasks ahead", async () => {
    const error = await refusal("settings:update", {
      rpcUrl: "localhost:8899",
      blobGateways: ["ftp://blobs"],
      autoLockMinutes: 0,
      prefetchCount: 99,
    });
    const byPath = new Map((error.fields ?? []).map((f) => [f.path, f.message]));
    expect(byPath.get("rpcUrl")).toMatch(/“localhost:8899” is not a web address .* http:\/\/ or https:\/\//);
    expect(byPath.get("blobGateways.0")).toMatch(/“ftp:\/\/blobs” is not a web address/);
    expect(byPath.get("autoLockMinutes")).toMatch(/at least 1 minute/);
    expect(byPath.get("prefetchCount")).toMatch(/At most 32 tasks/);
    for (const message of byPath.values()) expectSentence(message);
  });

  it("fields without a message of their own still get a sentence", async () => {
    const error = await refusal("app:ping", { nonce: "x".repeat(65) });
    expect(error.fields).toEqual([{ path: "nonce", message: "This is too long: at most 64 characters." }]);
    expectSentence(error.message);
  });
});

describe("errors outside the forms are sentences about the person's situation too", () => {
  it("every call channel answers a malformed call with a sentence (never the validator's words)", async () => {
    for (const channel of callChannels) {
      for (const junk of [42, { nope: "x".repeat(300) }]) {
        const reply = await dispatch(channel, junk);
        if (reply.ok) continue;
        expect(reply.error.message, `${channel} ${JSON.stringify(junk).slice(0, 20)}`).not.toMatch(MACHINE_WORDING);
        expectSentence(reply.error.message);
        for (const field of reply.error.fields ?? []) expectSentence(field.message);
      }
    }
  });

  it("core's typed failures (network, blob gateway, sealed data, files, bugs) become sentences", () => {
    const errno = (code: string, path: string) =>
      Object.assign(new Error(`${code}: x, open '${path}'`), { code, path });
    const named = (name: string, message: string) => Object.assign(new Error(message), { name });
    const failures: unknown[] = [
      named("SolanaError", "HTTP error (503): Service Unavailable"),
      named("AbortError", "This operation was aborted"),
      new TypeError("fetch failed"),
      ...(["hash_mismatch", "not_found", "too_large", "unsupported_uri", "unavailable"] as const).map(
        (code) => new BlobError(code, `http://127.0.0.1:1/blobs/${"ab".repeat(32)}: ${code}`),
      ),
      ...["wrong_key", "bad_wrapped_key", "tampered", "truncated", "bad_magic", "bad_version"].map(
        (code) => new EnvelopeError(code as never, `chunk 3 failed authentication (${code})`),
      ),
      errno("ENOENT", "/srv/gone"),
      errno("EACCES", "/root/x"),
      errno("EISDIR", "/tmp"),
      errno("ENOSPC", "/full"),
      new FileReadError("not_regular", "/dev/zero is not a regular file (a device); choose a file"),
      new RequesterError(
        "The wallet Abc has too little SOL to pay for this transaction: fund it first, then try again.",
      ),
    ];
    for (const failure of failures) {
      const mapped = toApiError(failure);
      expect(mapped, String(failure)).toBeInstanceOf(ApiError);
      expectSentence((mapped as ApiError).message);
    }
  });

  it("a transaction the chain refused reads as a sentence, whatever the runtime named", () => {
    for (const err of [
      "BlockhashNotFound",
      "AlreadyProcessed",
      { InstructionError: [0, "InsufficientFunds"] },
      { InstructionError: [1, { Custom: 16 }] },
      { InstructionError: [2, { BorshIoError: "x" }] },
      { InsufficientFundsForRent: { account_index: 0 } },
      42,
    ])
      expectSentence(parseTransactionError(err).message);
  });

  it("a bug's own words stay in the log: the person reads what happened", async () => {
    const logged: string[] = [];
    const handlers: Record<string, (input: unknown) => unknown> = {};
    for (const channel of callChannels)
      handlers[channel] = () => {
        throw new TypeError("Cannot read properties of undefined (reading 'campaign')");
      };
    const reply = await createDispatcher(handlers as unknown as Handlers, (l: string) => logged.push(l))("app:ping", {
      nonce: "n",
    });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe("internal");
    expect(reply.error.message).not.toMatch(/Cannot read properties/);
    expectSentence(reply.error.message);
    expect(logged.join("\n")).toMatch(/Cannot read properties/);
  });
});
