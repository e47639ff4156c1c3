export { WalletService } from "./wallet-service";
export type { WalletServiceOptions } from "./wallet-service";
export { walletHandlers, depositsHandlers } from "./wallet-handlers";
export { DepositsService } from "./deposits-service";
export { classifyCluster, clusterHasFaucet } from "./cluster";
