import { accountMethods } from "./accountMethods";
import { clusterMethods } from "./clusterMethods";
import type { RpcMethod } from "./methodTypes";
import { transactionMethods } from "./transactionMethods";

export type { RpcContext, RpcMethod } from "./methodTypes";

export const rpcMethods: ReadonlyMap<string, RpcMethod> = new Map(
  Object.entries({ ...clusterMethods, ...accountMethods, ...transactionMethods }),
);
