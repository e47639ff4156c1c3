// Market events from a transaction as `getTransaction` returns it (json encoding): the events
// the Amplify program logged (shared/protocol/events.ts), plus the metadata URI and hash of a
// posted campaign, which the program keeps in the account rather than the event.
import { getBase58Encoder } from "@solana/kit";
import { z } from "zod";
import type { MarketEvent } from "../../shared/api/market-feed";
import { amplifyProgramAddress, INSTRUCTION_TAGS } from "../../shared/protocol";
import { marketEventsFromLogs } from "./log-events";
import { ByteReader, decodeUtf8 } from "../../shared/bytes";

const num = z.union([z.number(), z.bigint()]).transform((v) => BigInt(v));

/** The parts of a json-encoded transaction we read; anything else the RPC sends is ignored. */
export const FetchedTransaction = z.object({
  slot: num,
  blockTime: num.nullable(),
  transaction: z.object({
    signatures: z.array(z.string()).min(1),
    message: z.object({
      accountKeys: z.array(z.string()),
      instructions: z.array(
        z.object({ programIdIndex: z.number().int(), accounts: z.array(z.number().int()), data: z.string() }),
      ),
    }),
  }),
  meta: z
    .object({
      err: z.unknown().nullable(),
      logMessages: z.array(z.string()).nullable().optional(),
      loadedAddresses: z.object({ writable: z.array(z.string()), readonly: z.array(z.string()) }).optional(),
    })
    .nullable(),
});
export type FetchedTransaction = z.infer<typeof FetchedTransaction>;

/** create_campaign data offsets (program README): schema hash at 84, URI length at 116, URI after. */
const CREATE_SCHEMA_HASH = 84;
const CREATE_URI_LENGTH = 116;

const base58 = getBase58Encoder();

/**
 * Every market event of one landed transaction, in the order the program logged them (failed
 * transactions changed nothing and logged none).
 */
export function decodeTransaction(tx: FetchedTransaction, program: string = amplifyProgramAddress()): MarketEvent[] {
  if (!tx.meta || tx.meta.err !== null) return [];
  const keys = [
    ...tx.transaction.message.accountKeys,
    ...(tx.meta.loadedAddresses?.writable ?? []),
    ...(tx.meta.loadedAddresses?.readonly ?? []),
  ];
  const metadata = new Map<string, { uri: string; hash: string }>();
  for (const ix of tx.transaction.message.instructions) {
    if (keys[ix.programIdIndex] !== program) continue;
    const data = Uint8Array.from(base58.encode(ix.data));
    if (data[0] !== INSTRUCTION_TAGS.createCampaign || data.length <= CREATE_URI_LENGTH || ix.accounts.length < 3)
      continue;
    const r = new ByteReader(data);
    const uriLength = r.u8(CREATE_URI_LENGTH);
    metadata.set(keys[ix.accounts[2]!] ?? "", {
      uri: decodeUtf8(r.bytes(CREATE_URI_LENGTH + 1, uriLength)),
      hash: Buffer.from(r.bytes(CREATE_SCHEMA_HASH, 32)).toString("hex"),
    });
  }
  return marketEventsFromLogs(
    { signature: tx.transaction.signatures[0]!, slot: Number(tx.slot), time: Number(tx.blockTime ?? 0n) },
    tx.meta.logMessages ?? [],
    program,
    metadata,
  );
}
