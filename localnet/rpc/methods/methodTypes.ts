import type { Ledger } from "../../ledger/ledger";
import { RpcError, MIN_CONTEXT_SLOT_NOT_REACHED } from "../rpcError";

export const API_VERSION = "2.2.7";
export const FEATURE_SET = 3294202862;

export interface RpcContext {
  ledger: Ledger;
}

export type RpcMethod = (ctx: RpcContext, params: unknown) => unknown;
// (A method may return a promise: sendTransaction waits for its group commit.)

export function contextOf(ctx: RpcContext): { slot: number; apiVersion: string } {
  return { slot: ctx.ledger.currentSlot(), apiVersion: API_VERSION };
}

export function withContext<T>(ctx: RpcContext, value: T): { context: { slot: number; apiVersion: string }; value: T } {
  return { context: contextOf(ctx), value };
}

export function checkMinContextSlot(
  ctx: RpcContext,
  config: { minContextSlot?: number | undefined } | undefined,
): void {
  const slot = ctx.ledger.currentSlot();
  if (config?.minContextSlot !== undefined && config.minContextSlot > slot) {
    throw new RpcError(MIN_CONTEXT_SLOT_NOT_REACHED, "Minimum context slot has not been reached", {
      contextSlot: slot,
    });
  }
}
