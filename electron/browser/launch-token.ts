import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { TOKEN_PROTOCOL_PREFIX } from "../../shared/api";

/** A fresh secret per launch: whoever holds it may drive this app's core. */
export function createLaunchToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Constant-time comparison. Hashing first makes both sides the same length, so neither the
 * content nor the length of the real token leaks through timing.
 */
export function tokensMatch(expected: string, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const a = createHash("sha256").update(expected).digest();
  const b = createHash("sha256").update(presented).digest();
  return timingSafeEqual(a, b);
}

/** The token travels as a WebSocket subprotocol, so it never appears in a URL or a log line. */

export function tokenFromProtocols(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(",")) {
    const value = part.trim();
    if (value.startsWith(TOKEN_PROTOCOL_PREFIX)) return value.slice(TOKEN_PROTOCOL_PREFIX.length);
  }
  return undefined;
}
