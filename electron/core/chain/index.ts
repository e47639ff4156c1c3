export { ChainClient } from "./chain-client";
export type { ChainClientOptions, LoggedEvent, MemcmpFilter, RawAccount, SignatureStatus, SignedTransaction } from "./chain-client";
export { parseTransactionError } from "./transaction-error";
export type { TransactionFailure } from "./transaction-error";
export { ProtocolConfig } from "./protocol-config";
export { waitForConfirmation } from "./confirm";
