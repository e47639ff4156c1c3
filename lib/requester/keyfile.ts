// The requester's wallet file, in solana-keygen's format (a JSON array of the 64-byte
// secret key), so existing keys import as-is. Its X25519 key, for private results, is
// derived from the Ed25519 seed: one file to back up.
//
// The library sees a requester only through `RequesterKeys`: a kit signer plus two seed-bound
// capabilities (a task's file key, opening a sealed result). The CLI builds one from a key
// file; the app builds one from its keystore, which lends the seed only for the length of a
// call. Either way the same key yields the same file keys and X25519 key, so a campaign made
// with the CLI can be reviewed in the app and the other way round.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nacl from "tweetnacl";
import { z } from "zod";
import { createKeyPairSignerFromBytes, type Address, type TransactionSigner } from "@solana/kit";
import { RequesterError } from "../chain";
import { deriveFileKey } from "./file-keys";
import { openResult } from "./sealed-result";

const KeyFileSchema = z.array(z.number().int().min(0).max(255)).length(64);

export interface RequesterKeys {
  /** Any kit signer: a key file's keypair in the CLI, the app keystore's while it is unlocked. */
  signer: TransactionSigner;
  address: Address;
  /** The X25519 key private results are sealed to (the secret half stays with the seed). */
  x25519: { publicKey: Uint8Array };
  /** A private task's file key, derived from the seed (never stored). The caller zeroes it. */
  fileKey(campaign: Address, taskIndex: number): Uint8Array;
  /** Opens a result sealed to `x25519.publicKey`; throws when it was sealed to another key. */
  openSealed(sealed: Uint8Array): Uint8Array;
}

/** Lends the Ed25519 seed (32 bytes) to `use` for the length of the call. */
export type SeedAccess = <T>(use: (seed: Uint8Array) => T) => T;

/** A requester from a signer and access to the seed behind it. */
export function requesterKeys(signer: TransactionSigner, withSeed: SeedAccess): RequesterKeys {
  const publicKey = withSeed((seed) => {
    const pair = deriveX25519(seed);
    pair.secretKey.fill(0);
    return pair.publicKey;
  });
  return {
    signer,
    address: signer.address,
    x25519: { publicKey },
    fileKey: (campaign, taskIndex) => withSeed((seed) => deriveFileKey(seed, campaign, taskIndex)),
    openSealed: (sealed) =>
      withSeed((seed) => {
        const pair = deriveX25519(seed);
        try {
          return openResult(sealed, pair.secretKey);
        } finally {
          pair.secretKey.fill(0);
        }
      }),
  };
}

export function deriveX25519(seed: Uint8Array): { publicKey: Uint8Array; secretKey: Uint8Array } {
  const secretKey = Uint8Array.from(crypto.createHash("sha256").update("amplify/x25519/v1").update(seed).digest());
  return { publicKey: nacl.box.keyPair.fromSecretKey(secretKey).publicKey, secretKey };
}

export async function keysFromSecret(secret64: Uint8Array): Promise<RequesterKeys> {
  const seed = secret64.slice(0, 32);
  const pair = nacl.sign.keyPair.fromSeed(seed);
  if (!Buffer.from(pair.publicKey).equals(Buffer.from(secret64.slice(32)))) {
    throw new RequesterError("The key file's public half does not match its secret half.");
  }
  const signer = await createKeyPairSignerFromBytes(secret64);
  return requesterKeys(signer, (use) => use(seed));
}

export async function loadKeyFile(file: string): Promise<RequesterKeys> {
  if (!fs.existsSync(file))
    throw new RequesterError(
      `No key file at ${file}: create one with \`amplify keys new\` or import one with \`amplify keys import\`.`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    throw new RequesterError(`${file} is not a JSON key file.`);
  }
  const parsed = KeyFileSchema.safeParse(raw);
  if (!parsed.success) throw new RequesterError(`${file} is not a Solana key file (a JSON array of 64 bytes).`);
  return keysFromSecret(Uint8Array.from(parsed.data));
}

function writeKeyFile(file: string, secret64: Uint8Array, overwrite: boolean): void {
  if (!overwrite && fs.existsSync(file))
    throw new RequesterError(`${file} already exists; refusing to overwrite a key (pass --force).`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(Array.from(secret64)), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

export async function newKeyFile(file: string, overwrite = false): Promise<RequesterKeys> {
  const pair = nacl.sign.keyPair();
  writeKeyFile(file, pair.secretKey, overwrite);
  return keysFromSecret(pair.secretKey);
}

/** Imports a solana-keygen JSON file (or raw 64-byte JSON array text) into `file`. */
export async function importKeyFile(source: string, file: string, overwrite = false): Promise<RequesterKeys> {
  const keys = await loadKeyFile(source);
  const secret = Uint8Array.from(JSON.parse(fs.readFileSync(source, "utf8")) as number[]);
  writeKeyFile(file, secret, overwrite);
  secret.fill(0);
  return keys;
}
