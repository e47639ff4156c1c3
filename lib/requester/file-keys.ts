// Per-task file keys are derived, not stored: HMAC(requester seed, campaign ‖ task index).
// Campaign creation can then resume after a crash, and the key service can restart
// anywhere, with no file of secret keys on disk to leak or lose.
import crypto from "node:crypto";
import { getAddressEncoder, type Address } from "@solana/kit";

export function deriveFileKey(seed: Uint8Array, campaign: Address, taskIndex: number): Uint8Array {
  const index = Buffer.alloc(4);
  index.writeUInt32LE(taskIndex);
  return Uint8Array.from(
    crypto
      .createHmac("sha256", seed)
      .update("amplify/file-key/v1")
      .update(Uint8Array.from(getAddressEncoder().encode(campaign)))
      .update(index)
      .digest(),
  );
}
