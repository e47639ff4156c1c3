import { z } from "zod";
import { call, event } from "./define";

/** What the UI may know about the worker's key: never the secret, only its public face. */
export const KeyStatus = z.object({
  /** "damaged": the keystore file exists but cannot be read; it is never overwritten silently. */
  state: z.enum(["none", "locked", "unlocked", "damaged"]),
  publicKey: z.string().nullable(),
  /** Hex of the X25519 key task files are wrapped to (registered in the on-chain profile). */
  x25519PublicKey: z.string().nullable(),
  autoLockMinutes: z.number().int().positive(),
  /** Unlock attempts are throttled after repeated failures; 0 when an attempt is allowed now. */
  retryAfterMs: z.number().int().nonnegative(),
});
export type KeyStatus = z.infer<typeof KeyStatus>;

export const Passphrase = z
  .string()
  .min(8, "The passphrase needs at least 8 characters.")
  .max(1024, "The passphrase is too long: at most 1,024 characters.");

export const KeyImportSource = z.discriminatedUnion("kind", [
  /** A Solana CLI keypair file: a JSON array of 64 numbers. Core reads it; nothing is echoed. */
  z.object({
    kind: z.literal("file"),
    path: z
      .string()
      .trim()
      .min(1, "Give the path of the keypair file, like ~/.config/solana/id.json.")
      .max(4096, "This path is too long to be a file's path."),
  }),
  /** A base58 secret as wallets export it (64-byte keypair or 32-byte seed). */
  z.object({
    kind: z.literal("base58"),
    // Lengths in characters: a 32-byte seed is at least 32 base58 characters, a 64-byte keypair at most 88.
    secret: z
      .string()
      .trim()
      .min(32, "This is too short for a secret key: a base58 secret key has 32 to 88 characters.")
      .max(128, "This is too long for a secret key: a base58 secret key has 32 to 88 characters."),
  }),
]);
export type KeyImportSource = z.infer<typeof KeyImportSource>;

export const keysCalls = {
  "keys:status": call(z.undefined(), KeyStatus),
  /** Makes a new keypair, sealed with the passphrase. `replace` keeps a backup of the old file. */
  "keys:create": call(z.object({ passphrase: Passphrase, replace: z.boolean().optional() }), KeyStatus),
  "keys:import": call(
    z.object({ source: KeyImportSource, passphrase: Passphrase, replace: z.boolean().optional() }),
    KeyStatus,
  ),
  "keys:unlock": call(z.object({ passphrase: z.string().min(1, "Type your passphrase.").max(1024) }), KeyStatus),
  "keys:lock": call(z.undefined(), KeyStatus),
  "keys:changePassphrase": call(z.object({ current: z.string().min(1).max(1024), next: Passphrase }), KeyStatus),
};

export const keysEvents = {
  "keys:changed": event(KeyStatus),
};
