// getProgramAccounts / programSubscribe filters, checked and compiled once per request.
import { z } from "zod";
import { getBase58Encoder, getBase64Encoder } from "@solana/kit";
import type { AccountState } from "../ledger/ledger";
import { commitmentConfig, dataSlice, encoding } from "./params";
import { RpcError, INVALID_PARAMS } from "./rpcError";

const MAX_FILTERS = 4;
const MAX_MEMCMP_BASE58_CHARS = 128;

const memcmpFilter = z.object({
  memcmp: z.object({
    offset: z.number().int().nonnegative(),
    bytes: z.string(),
    encoding: z.enum(["base58", "base64"]).optional(),
  }),
});
const dataSizeFilter = z.object({ dataSize: z.number().int().nonnegative() });
export const programAccountsConfig = commitmentConfig.extend({
  encoding: encoding.optional(),
  dataSlice: dataSlice.optional(),
  filters: z.array(z.union([memcmpFilter, dataSizeFilter])).optional(),
  withContext: z.boolean().optional(),
});

export type Filter = z.infer<typeof memcmpFilter> | z.infer<typeof dataSizeFilter>;

export function compileFilters(filters: Filter[]): Array<(acc: AccountState) => boolean> {
  if (filters.length > MAX_FILTERS) throw new RpcError(INVALID_PARAMS, `Too many filters provided; max ${MAX_FILTERS}`);
  return filters.map((f) => {
    if ("dataSize" in f) return (acc) => acc.data.length === f.dataSize;
    const { offset, bytes, encoding: enc } = f.memcmp;
    let needle: Uint8Array;
    try {
      if (enc === "base64") needle = Uint8Array.from(getBase64Encoder().encode(bytes));
      else {
        if (bytes.length > MAX_MEMCMP_BASE58_CHARS)
          throw new RpcError(INVALID_PARAMS, "Invalid param: Base58DataTooLarge");
        needle = Uint8Array.from(getBase58Encoder().encode(bytes));
      }
    } catch (e) {
      if (e instanceof RpcError) throw e;
      throw new RpcError(INVALID_PARAMS, "Invalid param: DecodeError");
    }
    return (acc) => {
      if (offset + needle.length > acc.data.length) return false;
      for (let i = 0; i < needle.length; i++) if (acc.data[offset + i] !== needle[i]) return false;
      return true;
    };
  });
}
