/** One account as the ledger stores and serves it (its own module so simulation need not import the ledger). */
export interface AccountState {
  address: string;
  lamports: bigint;
  owner: string;
  executable: boolean;
  data: Uint8Array;
}
