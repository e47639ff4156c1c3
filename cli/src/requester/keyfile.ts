// The requester's wallet file, in solana-keygen's format (a JSON array of the 64-byte
// secret key), so existing keys import as-is. Its X25519 key, for private results, is
// derived from the Ed25519 seed: one file to back up.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nacl from "tweetnacl";
import { z } from "zod";
import { createKeyPairSignerFromBytes, getAddressDecoder, type Address, type KeyPairSigner } from "@solana/kit";
import { RequesterError } from "./chain";

const KeyFileSchema = z.array(z.number().int().min(0).max(255)).length(64);

export interface RequesterKeys {
  signer: KeyPairSigner;
  address: Address;
  /** Ed25519 seed (32 bytes): also the root of the derived X25519 key and file keys. */
  seed: Uint8Array;
  x25519: { publicKey: Uint8Array; secretKey: Uint8Array };
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
  return { signer, address: getAddressDecoder().decode(pair.publicKey), seed, x25519: deriveX25519(seed) };
}

export async function loadKeyFile(file: string): Promise<RequesterKeys> {
  if (!fs.existsSync(file)) throw new RequesterError(`No key file at ${file}: create one with \`amplify keys new\` or import one with \`amplify keys import\`.`);
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
  if (!overwrite && fs.existsSync(file)) throw new RequesterError(`${file} already exists; refusing to overwrite a key (pass --force).`);
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
  const secret = new Uint8Array(64);
  secret.set(keys.seed, 0);
  secret.set(nacl.sign.keyPair.fromSeed(keys.seed).publicKey, 32);
  writeKeyFile(file, secret, overwrite);
  return keys;
}
