// Sending, simulating and looking up transactions, and the faucet.
import { z } from "zod";
import { getBase58Decoder, getBase58Encoder, getBase64Decoder, getBase64Encoder } from "@solana/kit";
import type { Simulation } from "../../ledger/ledger";
import { describeTransactionError } from "../../ledger/txErrors";
import { parseWireTransaction, TxDecodeError, type ParsedTransaction } from "../../ledger/txWire";
import { encodeAccount } from "../accountEncoding";
import { checkPubkey, checkSignature, commitment, commitmentConfig, encoding, parseParams } from "../params";
import {
  RpcError,
  INVALID_PARAMS,
  SEND_TRANSACTION_PREFLIGHT_FAILURE,
  TRANSACTION_SIGNATURE_VERIFICATION_FAILURE,
  UNSUPPORTED_TRANSACTION_VERSION,
  invalidParams,
} from "../rpcError";
import { checkMinContextSlot, withContext, type RpcContext, type RpcMethod } from "./methodTypes";

const MAX_SIGNATURE_STATUSES = 256;
const MAX_SIGNATURES_FOR_ADDRESS = 1000;
const MAX_WIRE_BYTES = 1232;

const txEncoding = z.enum(["base58", "base64"]);
const sendConfig = z
  .object({
    encoding: txEncoding.optional(),
    skipPreflight: z.boolean().optional(),
    preflightCommitment: commitment.optional(),
    maxRetries: z.number().int().nonnegative().optional(),
    minContextSlot: z.number().int().nonnegative().optional(),
  })
  .loose();
const simulateConfig = commitmentConfig.extend({
  encoding: txEncoding.optional(),
  sigVerify: z.boolean().optional(),
  replaceRecentBlockhash: z.boolean().optional(),
  innerInstructions: z.boolean().optional(),
  accounts: z.object({ addresses: z.array(z.string()), encoding: encoding.optional() }).optional(),
});

function decodeWire(data: string, enc: "base58" | "base64" | undefined): ParsedTransaction {
  let wire: Uint8Array;
  try {
    wire = Uint8Array.from(enc === "base64" ? getBase64Encoder().encode(data) : getBase58Encoder().encode(data));
  } catch {
    throw invalidParams(`invalid ${enc ?? "base58"} encoding`);
  }
  if (wire.length > MAX_WIRE_BYTES) {
    throw invalidParams(
      `${enc ?? "base58"} encoded solana_transaction::versioned::VersionedTransaction too large: ${wire.length} bytes (max: encoded/raw 1644/${MAX_WIRE_BYTES})`,
    );
  }
  try {
    return parseWireTransaction(wire);
  } catch (e) {
    const msg = e instanceof TxDecodeError ? e.message : String(e);
    throw invalidParams(`failed to deserialize solana_transaction::versioned::VersionedTransaction: ${msg}`);
  }
}

function simulationValue(
  sim: Simulation,
  extra: { accounts: unknown; replacementBlockhash: unknown; innerInstructions: boolean },
) {
  return {
    err: sim.err,
    logs: sim.logs,
    accounts: extra.accounts,
    unitsConsumed: sim.unitsConsumed,
    returnData: sim.returnData
      ? { programId: sim.returnData.programId, data: [getBase64Decoder().decode(sim.returnData.data), "base64"] }
      : null,
    innerInstructions: extra.innerInstructions ? sim.innerInstructions : null,
    replacementBlockhash: extra.replacementBlockhash,
    loadedAccountsDataSize: 0,
  };
}

function statusJson(ctx: RpcContext, signature: string, search: boolean) {
  const status = ctx.ledger.getSignatureStatus(signature, search);
  if (!status) return null;
  return {
    slot: status.slot,
    confirmations: null,
    err: status.err,
    status: status.err === null ? { Ok: null } : { Err: status.err },
    confirmationStatus: "finalized",
  };
}

function messageJson(tx: ParsedTransaction): Record<string, unknown> {
  const b58 = getBase58Decoder();
  return {
    accountKeys: tx.staticKeys,
    header: tx.header,
    instructions: tx.instructions.map((ix) => ({
      programIdIndex: ix.programIdIndex,
      accounts: ix.accounts,
      data: b58.decode(ix.data),
      stackHeight: null,
    })),
    recentBlockhash: tx.recentBlockhash,
    ...(tx.version === 0
      ? {
          addressTableLookups: tx.addressTableLookups.map((l) => ({
            accountKey: l.accountKey,
            writableIndexes: l.writableIndexes,
            readonlyIndexes: l.readonlyIndexes,
          })),
        }
      : {}),
  };
}

export const transactionMethods: Record<string, RpcMethod> = {
  sendTransaction: async (ctx, params) => {
    const [data, config] = parseParams(z.tuple([z.string(), sendConfig.optional()]), params);
    checkMinContextSlot(ctx, config);
    const tx = decodeWire(data, config?.encoding);
    const outcome = ctx.ledger.send(tx, { skipPreflight: config?.skipPreflight ?? false });
    switch (outcome.kind) {
      case "signatureFailure":
        throw new RpcError(TRANSACTION_SIGNATURE_VERIFICATION_FAILURE, "Transaction signature verification failure");
      case "preflightFailed": {
        const sim = outcome.simulation;
        throw new RpcError(
          SEND_TRANSACTION_PREFLIGHT_FAILURE,
          `Transaction simulation failed: ${describeTransactionError(sim.err ?? "")}`,
          simulationValue(sim, { accounts: null, replacementBlockhash: null, innerInstructions: false }),
        );
      }
      case "landed":
        await outcome.durable;
        return outcome.signature;
      default:
        return outcome.signature;
    }
  },
  simulateTransaction: (ctx, params) => {
    const [data, config] = parseParams(z.tuple([z.string(), simulateConfig.optional()]), params);
    checkMinContextSlot(ctx, config);
    if (config?.sigVerify && config.replaceRecentBlockhash) {
      throw invalidParams("sigVerify may not be used with replaceRecentBlockhash");
    }
    const tx = decodeWire(data, config?.encoding);
    const replace = config?.replaceRecentBlockhash ?? false;
    const sim = ctx.ledger.simulate(tx, { sigVerify: config?.sigVerify ?? false, replaceRecentBlockhash: replace });
    const wanted = config?.accounts;
    const accounts = wanted
      ? wanted.addresses.map((a) => {
          const acc = sim.postAccounts.has(checkPubkey(a)) ? sim.postAccounts.get(a) : ctx.ledger.getAccount(a);
          return acc ? encodeAccount(acc, wanted.encoding ?? "base64") : null;
        })
      : null;
    return withContext(
      ctx,
      simulationValue(sim, {
        accounts,
        replacementBlockhash: replace ? ctx.ledger.latestBlockhash() : null,
        innerInstructions: config?.innerInstructions ?? false,
      }),
    );
  },
  getSignatureStatuses: (ctx, params) => {
    const [signatures, config] = parseParams(
      z.tuple([z.array(z.string()), z.object({ searchTransactionHistory: z.boolean().optional() }).loose().optional()]),
      params,
    );
    if (signatures.length > MAX_SIGNATURE_STATUSES) {
      throw invalidParams(`Too many inputs provided; max ${MAX_SIGNATURE_STATUSES}`);
    }
    const search = config?.searchTransactionHistory ?? false;
    return withContext(
      ctx,
      signatures.map((s) => statusJson(ctx, checkSignature(s), search)),
    );
  },
  getTransaction: (ctx, params) => {
    const [signature, config] = parseParams(
      z.tuple([
        z.string(),
        z
          .union([
            z.enum(["json", "jsonParsed", "base58", "base64"]),
            commitmentConfig.extend({
              encoding: z.enum(["json", "jsonParsed", "base58", "base64"]).optional(),
              maxSupportedTransactionVersion: z.number().int().nonnegative().optional(),
            }),
          ])
          .optional(),
      ]),
      params,
    );
    const cfg = typeof config === "string" ? { encoding: config } : config;
    if (cfg && "commitment" in cfg && cfg.commitment === "processed") {
      throw new RpcError(INVALID_PARAMS, "Method does not support commitment below `confirmed`");
    }
    const stored = ctx.ledger.getTransaction(checkSignature(signature));
    if (!stored) return null;
    const tx = parseWireTransaction(stored.wire);
    const maxVersion = cfg && "maxSupportedTransactionVersion" in cfg ? cfg.maxSupportedTransactionVersion : undefined;
    if (tx.version === 0 && maxVersion === undefined) {
      throw new RpcError(
        UNSUPPORTED_TRANSACTION_VERSION,
        'Transaction version (0) is not supported by the requesting client. Please try the request again with the following configuration parameter: "maxSupportedTransactionVersion": 0',
      );
    }
    const enc = cfg?.encoding ?? "json";
    const transaction =
      enc === "base64"
        ? [getBase64Decoder().decode(stored.wire), "base64"]
        : enc === "base58"
          ? [getBase58Decoder().decode(stored.wire), "base58"]
          : { signatures: tx.signatures, message: messageJson(tx) };
    return {
      slot: stored.slot,
      blockTime: stored.blockTime,
      transaction,
      meta: JSON.parse(stored.meta) as unknown,
      ...(maxVersion !== undefined ? { version: tx.version } : {}),
    };
  },
  getSignaturesForAddress: (ctx, params) => {
    const [addr, config] = parseParams(
      z.tuple([
        z.string(),
        commitmentConfig
          .extend({ limit: z.number().int().optional(), before: z.string().optional(), until: z.string().optional() })
          .optional(),
      ]),
      params,
    );
    checkMinContextSlot(ctx, config);
    const limit = config?.limit ?? MAX_SIGNATURES_FOR_ADDRESS;
    if (limit < 1 || limit > MAX_SIGNATURES_FOR_ADDRESS) {
      throw invalidParams(`Invalid limit; max ${MAX_SIGNATURES_FOR_ADDRESS}`);
    }
    const rows = ctx.ledger.signaturesForAddress(checkPubkey(addr), {
      limit,
      ...(config?.before ? { before: checkSignature(config.before) } : {}),
      ...(config?.until ? { until: checkSignature(config.until) } : {}),
    });
    return rows.map((r) => ({
      signature: r.signature,
      slot: r.slot,
      err: r.err === null ? null : (JSON.parse(r.err) as unknown),
      memo: null,
      blockTime: r.blockTime,
      confirmationStatus: "finalized",
    }));
  },
  requestAirdrop: async (ctx, params) => {
    const [pubkey, amount] = parseParams(
      z.tuple([z.string(), z.number().int().positive(), commitmentConfig.optional()]),
      params,
    );
    const outcome = ctx.ledger.airdrop(checkPubkey(pubkey), BigInt(amount));
    if (outcome.kind !== "landed" || outcome.err !== null) {
      throw new RpcError(-32603, "Internal error: airdrop failed");
    }
    await outcome.durable;
    return outcome.signature;
  },
  getFeeForMessage: (ctx, params) => {
    const [message, config] = parseParams(z.tuple([z.string(), commitmentConfig.optional()]), params);
    checkMinContextSlot(ctx, config);
    let bytes: Uint8Array;
    try {
      bytes = Uint8Array.from(getBase64Encoder().encode(message));
    } catch {
      throw invalidParams("invalid base64 encoding");
    }
    const fee = ctx.ledger.feeForMessage(bytes);
    return withContext(ctx, fee);
  },
};
