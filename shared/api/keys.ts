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

export const Passphrase = z.string().min(8).max(1024);

export const KeyImportSource = z.discriminatedUnion("kind", [
  /** A Solana CLI keypair file: a JSON array of 64 numbers. Core reads it; nothing is echoed. */
  z.object({ kind: z.literal("file"), path: z.string().min(1).max(4096) }),
  /** A base58 secret as wallets export it (64-byte keypair or 32-byte seed). */
  z.object({ kind: z.literal("base58"), secret: z.string().min(32).max(128) }),
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
  "keys:unlock": call(z.object({ passphrase: z.string().min(1).max(1024) }), KeyStatus),
  "keys:lock": call(z.undefined(), KeyStatus),
  "keys:changePassphrase": call(z.object({ current: z.string().min(1).max(1024), next: Passphrase }), KeyStatus),
};

export const keysEvents = {
  "keys:changed": event(KeyStatus),
};
