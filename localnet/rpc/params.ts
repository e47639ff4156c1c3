// Parameter schemas shared by the RPC methods. Addresses and signatures are checked the way
// the validator does: the RPC answers "Invalid param: ..." for a malformed key.
import { z } from "zod";
import { getBase58Encoder } from "@solana/kit";
import { RpcError, INVALID_PARAMS, invalidParams } from "./rpcError";

export const commitment = z.enum([
  "processed",
  "confirmed",
  "finalized",
  "recent",
  "single",
  "singleGossip",
  "root",
  "max",
]);
export const encoding = z.enum(["binary", "base58", "base64", "base64+zstd", "jsonParsed"]);
export const dataSlice = z.object({ offset: z.number().int().nonnegative(), length: z.number().int().nonnegative() });

export const commitmentConfig = z
  .object({ commitment: commitment.optional(), minContextSlot: z.number().int().nonnegative().optional() })
  .loose();

export const accountConfig = commitmentConfig.extend({
  encoding: encoding.optional(),
  dataSlice: dataSlice.optional(),
});

/** Parses a positional params array against a tuple schema; absent params means []. */
export function parseParams<T extends z.ZodType>(schema: T, params: unknown): z.infer<T> {
  const result = schema.safeParse(params ?? []);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
    throw invalidParams(`${issue?.message ?? "invalid"}${where}`);
  }
  return result.data;
}

export function checkPubkey(value: string): string {
  let bytes: { length: number };
  try {
    bytes = getBase58Encoder().encode(value);
  } catch {
    throw new RpcError(INVALID_PARAMS, "Invalid param: Invalid");
  }
  if (bytes.length !== 32) throw new RpcError(INVALID_PARAMS, "Invalid param: WrongSize");
  return value;
}

export function checkSignature(value: string): string {
  let bytes: { length: number };
  try {
    bytes = getBase58Encoder().encode(value);
  } catch {
    throw new RpcError(INVALID_PARAMS, "Invalid param: Invalid");
  }
  if (bytes.length !== 64) throw new RpcError(INVALID_PARAMS, "Invalid param: WrongSize");
  return value;
}
