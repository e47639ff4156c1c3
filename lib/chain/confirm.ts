import type { ChainClient } from "./chain-client";
import type { TransactionFailure } from "./transaction-error";

/** Polls a signature until it is confirmed, fails, or the wait runs out (null). */
export async function waitForConfirmation(
  chain: ChainClient,
  signature: string,
  timeoutMs = 30_000,
  pollMs = 300,
): Promise<{ ok: true } | { ok: false; failure: TransactionFailure } | null> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const [status] = await chain.signatureStatuses([signature]);
      if (status?.failure) return { ok: false, failure: status.failure };
      if (status && (status.confirmationStatus === "confirmed" || status.confirmationStatus === "finalized"))
        return { ok: true };
    } catch {
      // transient: keep polling until the deadline
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return null;
}
