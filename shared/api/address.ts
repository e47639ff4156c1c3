import { z } from "zod";

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** How many bytes a base58 string decodes to, or null when it is not base58. */
function base58ByteLength(text: string): number | null {
  let value = 0n;
  let leadingZeros = 0;
  let leading = true;
  for (const char of text) {
    const digit = BASE58.indexOf(char);
    if (digit < 0) return null;
    if (leading && digit === 0) leadingZeros += 1;
    else leading = false;
    value = value * 58n + BigInt(digit);
  }
  let bytes = 0;
  for (; value > 0n; value >>= 8n) bytes += 1;
  return leadingZeros + bytes;
}

/**
 * A Solana address as the contract accepts it: base58 of exactly 32 bytes. Checked at the
 * boundary so a typo is "invalid_input" with a sentence, not a chain error deep inside core.
 */
export const SolanaAddress = z
  .string()
  .min(32, "a Solana address is 32 to 44 base58 characters")
  .max(44, "a Solana address is 32 to 44 base58 characters")
  .refine((text) => base58ByteLength(text) === 32, "not a Solana address (base58 of 32 bytes)");
