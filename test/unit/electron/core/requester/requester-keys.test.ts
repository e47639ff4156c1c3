import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { address, getBase58Decoder } from "@solana/kit";
import nacl from "tweetnacl";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { keysFromSecret, sealResult } from "../../../../../lib/requester";
import { Keystore } from "../../../../../electron/core/keystore";
import { keystoreRequesterKeys } from "../../../../../electron/core/requester";

const FAST = { N: 1024, r: 8, p: 1 };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "amplify-requester-keys-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the keystore as the requester library's keys", () => {
  it("derives the same X25519 key and file keys as the CLI's key file, and stops when locked", async () => {
    const pair = nacl.sign.keyPair();
    const ks = new Keystore({ dataDir: dir, autoLockMinutes: () => 15, scrypt: FAST });
    await ks.import({ kind: "base58", secret: getBase58Decoder().decode(pair.secretKey) }, "a passphrase");
    const app = keystoreRequesterKeys(ks);
    const cli = await keysFromSecret(pair.secretKey);
    const campaign = address("11111111111111111111111111111111");

    expect(app.address).toBe(cli.address);
    expect(Buffer.from(app.x25519.publicKey)).toEqual(Buffer.from(cli.x25519.publicKey));
    expect(Buffer.from(app.fileKey(campaign, 7))).toEqual(Buffer.from(cli.fileKey(campaign, 7)));
    expect(Buffer.from(app.fileKey(campaign, 7))).not.toEqual(Buffer.from(app.fileKey(campaign, 8)));
    // A result sealed by a worker to the key the CLI published opens in the app, and back.
    const sealed = sealResult(new TextEncoder().encode("result"), cli.x25519.publicKey);
    expect(new TextDecoder().decode(app.openSealed(sealed))).toBe("result");

    ks.lock();
    expect(() => app.fileKey(campaign, 7)).toThrow(/locked/);
    expect(() => keystoreRequesterKeys(ks)).toThrow(/locked/);
  });
});
