import { createHash } from "node:crypto";
import { getBase58Decoder, getBase58Encoder } from "@solana/kit";
import nacl from "tweetnacl";
import { FileReadError, readRegularFile } from "../../../lib/files";
import { KeystoreError } from "./keystore-errors";

/** A Solana CLI keypair file is a JSON array of 64 numbers: a few hundred bytes. */
const MAX_KEYPAIR_FILE_BYTES = 16 * 1024;

/** A Solana keypair as the CLI stores it: 32-byte seed followed by the 32-byte public key. */
export interface KeyMaterial {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
}

export function generateKeyMaterial(): KeyMaterial {
  const pair = nacl.sign.keyPair();
  return { secretKey: pair.secretKey, publicKey: pair.publicKey };
}

/** Accepts a 64-byte keypair (checking its halves agree) or a 32-byte seed. */
export function keyMaterialFromBytes(bytes: Uint8Array): KeyMaterial {
  if (bytes.length === 32) {
    const pair = nacl.sign.keyPair.fromSeed(bytes);
    return { secretKey: pair.secretKey, publicKey: pair.publicKey };
  }
  if (bytes.length !== 64)
    throw new KeystoreError(
      "bad_import",
      `This is not a Solana secret key: it decodes to ${bytes.length} bytes, and a secret key is 64 bytes (or a 32-byte seed).`,
    );
  const pair = nacl.sign.keyPair.fromSeed(bytes.subarray(0, 32));
  if (!Buffer.from(pair.publicKey).equals(Buffer.from(bytes.subarray(32)))) {
    throw new KeystoreError("bad_import", "This keypair is damaged: its public half does not match its secret half.");
  }
  return { secretKey: pair.secretKey, publicKey: pair.publicKey };
}

export async function readSolanaKeypairFile(path: string): Promise<KeyMaterial> {
  let text: string;
  try {
    text = (await readRegularFile(path, MAX_KEYPAIR_FILE_BYTES, "the keypair file")).toString("utf8");
  } catch (error) {
    if (error instanceof FileReadError)
      throw new KeystoreError(
        "bad_import",
        `${sentence(error.message)} A Solana CLI keypair file is a small JSON file.`,
      );
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KeystoreError("bad_import", `${path} is not a Solana CLI keypair file: it is not JSON.`);
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 64 ||
    !parsed.every((n) => Number.isInteger(n) && n >= 0 && n <= 255)
  ) {
    throw new KeystoreError(
      "bad_import",
      `${path} is not a Solana CLI keypair file: such a file holds a JSON array of 64 numbers.`,
    );
  }
  return keyMaterialFromBytes(Uint8Array.from(parsed as number[]));
}

export function keyMaterialFromBase58(secret: string): KeyMaterial {
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(getBase58Encoder().encode(secret.trim()));
  } catch {
    throw new KeystoreError(
      "bad_import",
      "This is not a base58 secret key: base58 uses only letters and digits, without 0, O, I and l.",
    );
  }
  return keyMaterialFromBytes(bytes);
}

/** "cannot read the keypair file /x: no such file" → "Cannot read the keypair file /x: no such file." */
function sentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

export function base58(bytes: Uint8Array): string {
  return getBase58Decoder().decode(bytes);
}

/**
 * The X25519 secret is derived from the Ed25519 seed the way ed2curve does (sha512, clamp), so
 * importing the same Solana key on another machine opens the same wrapped task keys.
 */
export function deriveX25519Secret(ed25519SecretKey: Uint8Array): Uint8Array {
  const digest = createHash("sha512").update(ed25519SecretKey.subarray(0, 32)).digest();
  const secret = Uint8Array.from(digest.subarray(0, 32));
  digest.fill(0);
  secret[0]! &= 248;
  secret[31]! &= 127;
  secret[31]! |= 64;
  return secret;
}
