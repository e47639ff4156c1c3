// Account JSON as the validator renders it for each `encoding`, with dataSlice applied.
import { getBase58Decoder, getBase64Decoder } from "@solana/kit";
import { RENT_EPOCH_EXEMPT, type AccountState } from "../ledger/ledger";
import { RpcError, INVALID_REQUEST, invalidParams } from "./rpcError";

export type AccountEncoding = "binary" | "base58" | "base64" | "base64+zstd" | "jsonParsed";

const MAX_BASE58_BYTES = 128;

export function encodeData(
  data: Uint8Array,
  encoding: AccountEncoding,
  slice?: { offset: number; length: number },
): unknown {
  const bytes = slice ? data.subarray(slice.offset, slice.offset + slice.length) : data;
  switch (encoding) {
    case "binary":
    case "base58":
      if (bytes.length > MAX_BASE58_BYTES) {
        throw new RpcError(
          INVALID_REQUEST,
          "Encoded binary (base 58) data should be less than 128 bytes, please use Base64 encoding.",
        );
      }
      return encoding === "binary" ? getBase58Decoder().decode(bytes) : [getBase58Decoder().decode(bytes), "base58"];
    case "base64":
    case "jsonParsed":
      // No parser knows the Amplify layouts: the validator falls back to base64 then too.
      return [getBase64Decoder().decode(bytes), "base64"];
    case "base64+zstd":
      throw invalidParams("base64+zstd encoding is not supported by this localnet; use base64");
  }
}

export function encodeAccount(
  acc: AccountState,
  encoding: AccountEncoding,
  slice?: { offset: number; length: number },
): Record<string, unknown> {
  return {
    data: encodeData(acc.data, encoding, slice),
    executable: acc.executable,
    lamports: acc.lamports,
    owner: acc.owner,
    rentEpoch: RENT_EPOCH_EXEMPT,
    space: acc.data.length,
  };
}
