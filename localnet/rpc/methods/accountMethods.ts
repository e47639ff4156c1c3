// Account reads: balances, single and multiple accounts, and program account scans with
// the validator's filters (dataSize, memcmp) and dataSlice.
import { z } from "zod";
import { encodeAccount } from "../accountEncoding";
import { accountConfig, checkPubkey, commitmentConfig, parseParams } from "../params";
import { invalidParams } from "../rpcError";
import { compileFilters, programAccountsConfig } from "../programFilters";
import { checkMinContextSlot, withContext, type RpcMethod } from "./methodTypes";

const MAX_MULTIPLE_ACCOUNTS = 100;

export const accountMethods: Record<string, RpcMethod> = {
  getBalance: (ctx, params) => {
    const [pubkey, config] = parseParams(z.tuple([z.string(), commitmentConfig.optional()]), params);
    checkMinContextSlot(ctx, config);
    return withContext(ctx, ctx.ledger.getAccount(checkPubkey(pubkey))?.lamports ?? 0);
  },
  getAccountInfo: (ctx, params) => {
    const [pubkey, config] = parseParams(z.tuple([z.string(), accountConfig.optional()]), params);
    checkMinContextSlot(ctx, config);
    const acc = ctx.ledger.getAccount(checkPubkey(pubkey));
    return withContext(ctx, acc ? encodeAccount(acc, config?.encoding ?? "binary", config?.dataSlice) : null);
  },
  getMultipleAccounts: (ctx, params) => {
    const [pubkeys, config] = parseParams(z.tuple([z.array(z.string()), accountConfig.optional()]), params);
    checkMinContextSlot(ctx, config);
    if (pubkeys.length > MAX_MULTIPLE_ACCOUNTS) {
      throw invalidParams(`Too many inputs provided; max ${MAX_MULTIPLE_ACCOUNTS}`);
    }
    const accounts = pubkeys.map((k) => ctx.ledger.getAccount(checkPubkey(k)));
    return withContext(
      ctx,
      accounts.map((acc) => (acc ? encodeAccount(acc, config?.encoding ?? "base64", config?.dataSlice) : null)),
    );
  },
  getProgramAccounts: (ctx, params) => {
    const [program, config] = parseParams(z.tuple([z.string(), programAccountsConfig.optional()]), params);
    checkMinContextSlot(ctx, config);
    const filters = compileFilters(config?.filters ?? []);
    const matches = ctx.ledger
      .getProgramAccounts(checkPubkey(program))
      .filter((acc) => filters.every((f) => f(acc)))
      .map((acc) => ({
        pubkey: acc.address,
        account: encodeAccount(acc, config?.encoding ?? "binary", config?.dataSlice),
      }));
    return config?.withContext ? withContext(ctx, matches) : matches;
  },
};
