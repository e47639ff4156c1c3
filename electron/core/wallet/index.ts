export { WalletService } from "./wallet-service";
export type { WalletServiceOptions } from "./wallet-service";
export { walletHandlers } from "./wallet-handlers";
export { classifyCluster, clusterHasFaucet } from "./cluster";
