// Market events from a transaction as `getTransaction` returns it (json encoding): the
// Amplify instructions it ran, with prices and fees read from the balance changes the runtime
// recorded. This is the "chain reads" source; once the program logs its own events, their
// decoder replaces this one behind the same MarketEventSource.
import { getBase58Encoder } from "@solana/kit";
import { z } from "zod";
import type { MarketEvent } from "../../shared/api/market-feed";
import { AMPLIFY_PROGRAM_ADDRESS, INSTRUCTION_TAGS } from "../../shared/protocol";
import { ByteReader, decodeUtf8 } from "../../shared/protocol/bytes";

const num = z.union([z.number(), z.bigint()]).transform((v) => BigInt(v));

/** The parts of a json-encoded transaction we read; anything else the RPC sends is ignored. */
export const FetchedTransaction = z.object({
  slot: num,
  blockTime: num.nullable(),
  transaction: z.object({
    signatures: z.array(z.string()).min(1),
    message: z.object({
      accountKeys: z.array(z.string()),
      instructions: z.array(z.object({ programIdIndex: z.number().int(), accounts: z.array(z.number().int()), data: z.string() })),
    }),
  }),
  meta: z
    .object({
      err: z.unknown().nullable(),
      preBalances: z.array(num),
      postBalances: z.array(num),
      loadedAddresses: z.object({ writable: z.array(z.string()), readonly: z.array(z.string()) }).optional(),
    })
    .nullable(),
});
export type FetchedTransaction = z.infer<typeof FetchedTransaction>;

interface Decoded {
  readonly ix: number;
  readonly tag: number;
  readonly accounts: string[];
  readonly data: Uint8Array;
}

const base58 = getBase58Encoder();

function blank(tx: FetchedTransaction, index: number, kind: MarketEvent["kind"], campaign: string): MarketEvent {
  return {
    signature: tx.transaction.signatures[0]!,
    index,
    slot: Number(tx.slot),
    time: Number(tx.blockTime ?? 0n),
    kind,
    campaign,
    worker: null,
    task: null,
    priceLamports: null,
    feeLamports: null,
    workerRating: null,
    score: null,
    minRating: null,
    replication: null,
    deadline: null,
    metadataUri: null,
    metadataHash: null,
    count: null,
  };
}

/**
 * Every market event of one landed transaction, in instruction order (failed transactions
 * changed nothing and yield none). Worker ratings are left null: the caller looks them up.
 */
export function decodeTransaction(tx: FetchedTransaction, program: string = AMPLIFY_PROGRAM_ADDRESS): MarketEvent[] {
  if (!tx.meta || tx.meta.err !== null) return [];
  const keys = [...tx.transaction.message.accountKeys, ...(tx.meta.loadedAddresses?.writable ?? []), ...(tx.meta.loadedAddresses?.readonly ?? [])];
  const delta = (key: string): bigint => {
    const i = keys.indexOf(key);
    return i < 0 ? 0n : (tx.meta!.postBalances[i] ?? 0n) - (tx.meta!.preBalances[i] ?? 0n);
  };
  const ours: Decoded[] = [];
  tx.transaction.message.instructions.forEach((ix, i) => {
    if (keys[ix.programIdIndex] !== program) return;
    const data = Uint8Array.from(base58.encode(ix.data));
    if (data.length === 0) return;
    ours.push({ ix: i, tag: data[0]!, accounts: ix.accounts.map((a) => keys[a] ?? ""), data });
  });

  // Prices come out of each campaign's escrow; several submits may share one escrow and one
  // treasury, so the escrow's loss is split among its submits and the treasury's gain in
  // proportion to price (exact when one campaign is paid per transaction, as every client does).
  const submits = ours.filter((d) => d.tag === INSTRUCTION_TAGS.submitResult && d.accounts.length >= 8);
  const perEscrow = new Map<string, number>();
  for (const s of submits) perEscrow.set(s.accounts[6]!, (perEscrow.get(s.accounts[6]!) ?? 0) + 1);
  const priceOf = (s: Decoded): bigint => {
    const escrow = s.accounts[6]!;
    const loss = -delta(escrow);
    return loss > 0n ? loss / BigInt(perEscrow.get(escrow) ?? 1) : 0n;
  };
  const totalPrice = submits.reduce((sum, s) => sum + priceOf(s), 0n);
  const treasuryGain = submits.length ? delta(submits[0]!.accounts[2]!) : 0n;

  const events: MarketEvent[] = [];
  for (const d of ours) {
    const r = new ByteReader(d.data);
    const at = events.length;
    switch (d.tag) {
      case INSTRUCTION_TAGS.createCampaign: {
        if (d.accounts.length < 3 || d.data.length < 77) break;
        const uriLength = r.u8(76);
        events.push({
          ...blank(tx, at, "campaign_posted", d.accounts[2]!),
          worker: null,
          priceLamports: Number(r.u64(9)),
          count: r.u32(17),
          replication: r.u16(21),
          minRating: r.u16(23),
          deadline: Number(r.u64(28)),
          metadataUri: decodeUtf8(r.bytes(77, uriLength)),
          metadataHash: Buffer.from(r.bytes(44, 32)).toString("hex"),
        });
        break;
      }
      case INSTRUCTION_TAGS.addTasks:
        if (d.accounts.length < 3 || d.data.length < 2) break;
        events.push({ ...blank(tx, at, "tasks_added", d.accounts[2]!), count: r.u8(1) });
        break;
      case INSTRUCTION_TAGS.acceptTask:
        if (d.accounts.length < 5) break;
        events.push({ ...blank(tx, at, "task_accepted", d.accounts[3]!), worker: d.accounts[0]!, task: d.accounts[4]! });
        break;
      case INSTRUCTION_TAGS.submitResult: {
        if (d.accounts.length < 8) break;
        const price = priceOf(d);
        const fee = totalPrice > 0n ? (treasuryGain * price) / totalPrice : 0n;
        events.push({
          ...blank(tx, at, "result_submitted", d.accounts[3]!),
          worker: d.accounts[0]!,
          task: d.accounts[4]!,
          priceLamports: Number(price),
          feeLamports: Number(fee),
        });
        break;
      }
      case INSTRUCTION_TAGS.review:
        if (d.accounts.length < 4 || d.data.length < 2) break;
        events.push({ ...blank(tx, at, "review_posted", d.accounts[1]!), score: Math.min(100, r.u8(1)) });
        break;
      case INSTRUCTION_TAGS.closeCampaign:
        if (d.accounts.length < 2) break;
        events.push({ ...blank(tx, at, "campaign_closed", d.accounts[1]!) });
        break;
      default:
        break;
    }
  }
  return events;
}
