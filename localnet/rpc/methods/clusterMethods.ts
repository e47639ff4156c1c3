// Cluster and clock queries: slots, heights, blockhashes, version, health.
import { z } from "zod";
import { checkMinContextSlot, contextOf, withContext, API_VERSION, FEATURE_SET, type RpcMethod } from "./methodTypes";
import { commitmentConfig, parseParams } from "../params";

const configOnly = z.tuple([commitmentConfig.optional()]);
const SLOTS_PER_EPOCH = 432_000;

export const clusterMethods: Record<string, RpcMethod> = {
  getHealth: () => "ok",
  getVersion: () => ({ "solana-core": API_VERSION, "feature-set": FEATURE_SET }),
  getGenesisHash: (ctx) => ctx.ledger.genesisHash,
  getIdentity: (ctx) => ({ identity: ctx.ledger.faucet.address }),
  getSlotLeader: (ctx) => ctx.ledger.faucet.address,
  getFirstAvailableBlock: () => 0,
  getRecentPrioritizationFees: () => [],
  getSlot: (ctx, params) => {
    const [config] = parseParams(configOnly, params);
    checkMinContextSlot(ctx, config);
    return ctx.ledger.currentSlot();
  },
  getBlockHeight: (ctx, params) => {
    const [config] = parseParams(configOnly, params);
    checkMinContextSlot(ctx, config);
    return ctx.ledger.blockHeight();
  },
  getTransactionCount: (ctx, params) => {
    parseParams(configOnly, params);
    return ctx.ledger.transactionCount();
  },
  getEpochInfo: (ctx, params) => {
    const [config] = parseParams(configOnly, params);
    checkMinContextSlot(ctx, config);
    const slot = ctx.ledger.currentSlot();
    return {
      absoluteSlot: slot,
      blockHeight: slot,
      epoch: Math.floor(slot / SLOTS_PER_EPOCH),
      slotIndex: slot % SLOTS_PER_EPOCH,
      slotsInEpoch: SLOTS_PER_EPOCH,
      transactionCount: ctx.ledger.transactionCount(),
    };
  },
  getEpochSchedule: () => ({
    firstNormalEpoch: 0,
    firstNormalSlot: 0,
    leaderScheduleSlotOffset: SLOTS_PER_EPOCH,
    slotsPerEpoch: SLOTS_PER_EPOCH,
    warmup: false,
  }),
  getLatestBlockhash: (ctx, params) => {
    const [config] = parseParams(configOnly, params);
    checkMinContextSlot(ctx, config);
    return withContext(ctx, ctx.ledger.latestBlockhash());
  },
  isBlockhashValid: (ctx, params) => {
    const [hash, config] = parseParams(z.tuple([z.string(), commitmentConfig.optional()]), params);
    checkMinContextSlot(ctx, config);
    return { context: contextOf(ctx), value: ctx.ledger.isBlockhashValid(hash) };
  },
  getMinimumBalanceForRentExemption: (ctx, params) => {
    const [size] = parseParams(z.tuple([z.number().int().nonnegative(), commitmentConfig.optional()]), params);
    return ctx.ledger.minimumBalanceForRentExemption(size);
  },
};
