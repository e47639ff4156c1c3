// Lamport bookkeeping read from the chain itself: the fees a wallet actually paid (each
// transaction it signed as fee payer, landed or failed) and whether an account is gone.
import type { Address, Signature } from "@solana/kit";
import type { AmplifyChain } from "../../../lib/chain";

/** Sum of meta.fee over every transaction `payer` paid for, except the signatures in `except`. */
export async function feesPaidBy(chain: AmplifyChain, payer: Address, except: readonly string[] = []): Promise<bigint> {
  const rows: { signature: Signature }[] = [];
  for (let before: Signature | undefined; ;) {
    const page = await chain.rpc
      .getSignaturesForAddress(payer, { commitment: "confirmed", limit: 1000, ...(before ? { before } : {}) })
      .send();
    rows.push(...page);
    if (page.length < 1000) break;
    before = page[page.length - 1]!.signature;
  }
  let total = 0n;
  for (const row of rows) {
    if (except.includes(row.signature)) continue;
    const tx = await chain.rpc
      .getTransaction(row.signature as Signature, {
        commitment: "confirmed",
        encoding: "json",
        maxSupportedTransactionVersion: 0,
      })
      .send();
    if (!tx?.meta) throw new Error(`transaction ${row.signature} is not readable`);
    if (tx.transaction.message.accountKeys[0] !== payer) continue;
    total += BigInt(tx.meta.fee);
  }
  return total;
}

/** True when nothing lives at `at`: no account, or an empty one with no lamports. */
export async function isClosed(chain: AmplifyChain, at: Address): Promise<boolean> {
  const { value } = await chain.rpc.getAccountInfo(at, { encoding: "base64" }).send();
  return value === null || value.lamports === 0n;
}
