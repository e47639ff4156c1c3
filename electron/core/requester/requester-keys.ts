import type { TransactionPartialSigner } from "@solana/kit";
import { address } from "@solana/kit";
import { requesterKeys, type RequesterKeys } from "../../../lib/requester";
import type { Keystore } from "../keystore";
import { KeystoreError } from "../keystore";

/**
 * The unlocked keystore as the requester library's `RequesterKeys`. The signer asks the keystore
 * for its keypair on every signature and the seed is lent per call, so locking the keystore
 * stops a running key service or upload at its next step instead of leaving a live copy behind.
 */
export function keystoreRequesterKeys(keystore: Keystore): RequesterKeys {
  const owner = keystore.address();
  if (!owner || !keystore.isUnlocked())
    throw new KeystoreError("locked", "the keystore is locked: unlock it to act as a requester");
  const signer: TransactionPartialSigner = {
    address: address(owner),
    signTransactions: (transactions, config) => keystore.signer().signTransactions(transactions, config),
  };
  return requesterKeys(signer, (use) => keystore.withSeed(use));
}
