// The chain client: ChainClient is the one JSON-RPC door (timeouts, bytes and bigints);
// AmplifyChain adds the program's typed account queries and the requester's explained send.
export { ChainClient } from "./chain-client";
export type {
  ChainClientOptions,
  LoggedEvent,
  MemcmpFilter,
  RawAccount,
  SignatureStatus,
  SignedTransaction,
} from "./chain-client";
export { AmplifyChain, RequesterError, explainSendError, MAX_TRANSACTION_BYTES } from "./amplify-chain";
export type { RequesterInput } from "./amplify-chain";
export type { AmplifyChainOptions, Endpoints, Located, ResultRecord, TaskEntry } from "./amplify-chain";
export { parseTransactionError } from "./transaction-error";
export type { TransactionFailure } from "./transaction-error";
export { ProtocolConfig } from "./protocol-config";
export { waitForConfirmation } from "./confirm";
