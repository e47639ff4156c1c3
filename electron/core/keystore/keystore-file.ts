import { createCipheriv, createDecipheriv, randomBytes, scrypt } from "node:crypto";
import { z } from "zod";
import { KeystoreError } from "./keystore-errors";

export const KEYSTORE_FILE = "keystore.json";

export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** ~64 MiB of memory and a few hundred ms per guess on this class of machine. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 1 << 16, r: 8, p: 1 };

const B64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const KeystoreFile = z.object({
  format: z.literal("amplify-keystore"),
  version: z.literal(1),
  publicKey: z.string().min(32).max(44),
  x25519PublicKey: z.string().regex(/^[0-9a-f]{64}$/),
  kdf: z.object({
    name: z.literal("scrypt"),
    N: z
      .number()
      .int()
      .min(1024)
      .max(1 << 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: B64,
  }),
  cipher: z.object({ name: z.literal("aes-256-gcm"), nonce: B64, tag: B64 }),
  ciphertext: B64,
  createdAt: z.string(),
});
export type KeystoreFile = z.infer<typeof KeystoreFile>;

export function parseKeystoreFile(text: string, path: string): KeystoreFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeystoreError(
      "corrupt",
      `the keystore at ${path} is damaged (not JSON). It was left as it is; restore it from a backup or import your key again.`,
    );
  }
  const parsed = KeystoreFile.safeParse(json);
  if (!parsed.success) {
    throw new KeystoreError(
      "corrupt",
      `the keystore at ${path} is damaged (${parsed.error.issues[0]?.path.join(".") ?? "format"}). It was left as it is; restore it from a backup or import your key again.`,
    );
  }
  return parsed.data;
}

function deriveKey(passphrase: string, salt: Uint8Array, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize("NFKC"),
      salt,
      32,
      { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

// The public keys are bound into the ciphertext so a file with a swapped public key fails.
function aad(publicKey: string, x25519PublicKey: string, params: ScryptParams): Buffer {
  return Buffer.from(`amplify-keystore:1:${publicKey}:${x25519PublicKey}:${params.N}:${params.r}:${params.p}`);
}

export async function sealSecret(
  secret: Uint8Array,
  passphrase: string,
  publicKey: string,
  x25519PublicKey: string,
  params: ScryptParams,
): Promise<KeystoreFile> {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const key = await deriveKey(passphrase, salt, params);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(aad(publicKey, x25519PublicKey, params));
  const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
  key.fill(0);
  return {
    format: "amplify-keystore",
    version: 1,
    publicKey,
    x25519PublicKey,
    kdf: { name: "scrypt", ...params, salt: salt.toString("base64") },
    cipher: { name: "aes-256-gcm", nonce: nonce.toString("base64"), tag: cipher.getAuthTag().toString("base64") },
    ciphertext: ciphertext.toString("base64"),
    createdAt: new Date().toISOString(),
  };
}

/** Opens the sealed secret; a failed tag means the passphrase is wrong (or the bytes damaged). */
export async function openSecret(file: KeystoreFile, passphrase: string): Promise<Uint8Array> {
  const params = { N: file.kdf.N, r: file.kdf.r, p: file.kdf.p };
  const key = await deriveKey(passphrase, Buffer.from(file.kdf.salt, "base64"), params);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(file.cipher.nonce, "base64"));
  decipher.setAAD(aad(file.publicKey, file.x25519PublicKey, params));
  decipher.setAuthTag(Buffer.from(file.cipher.tag, "base64"));
  try {
    const plain = Buffer.concat([decipher.update(Buffer.from(file.ciphertext, "base64")), decipher.final()]);
    const out = Uint8Array.from(plain);
    plain.fill(0);
    return out;
  } catch {
    throw new KeystoreError("wrong_passphrase", "wrong passphrase");
  } finally {
    key.fill(0);
  }
}
