// The price a requester can trust: what similar recent campaigns paid when they filled within
// the deadline asked for, with how many there were and how far apart they paid, and the whole
// bill at that price. One function for the app's campaign form and `amplify campaign quote`.
import type { Quote, QuoteRequest } from "../../shared/api/market-feed";
import { ratingBand } from "../../shared/api/market-feed";
import { PAGE_TASKS, computeFee, taskPageSizes } from "../../shared/protocol";
import type { FillSample } from "./event-store";

/**
 * Lamports of rent for the accounts a campaign creates (from the RPC, or the default rent); all
 * of it comes back to the requester when the campaign closes.
 */
export interface CampaignRent {
  readonly campaign: bigint;
  readonly escrow: bigint;
  /** Per task: one byte of slot counter in a task page. */
  readonly task: bigint;
  /** Per task page (8,192 tasks): its header and the account overhead; 0 if folded into `task`. */
  readonly page?: bigint;
}

export interface QuoteTerms {
  readonly feeBps: number;
  readonly rent: CampaignRent;
  /** Lamports per signature (5,000 on every Solana cluster today). */
  readonly signatureFee?: bigint;
}

/** How far back "recent" reaches. */
export const QUOTE_LOOKBACK_SECONDS = 30 * 86_400;
/** Below this many filled campaigns a similarity rule is relaxed. */
const ENOUGH = 3;

interface Rule {
  readonly name: string;
  readonly keep: (s: FillSample) => boolean;
}

export function quoteCampaign(samples: readonly FillSample[], request: QuoteRequest, terms: QuoteTerms): Quote {
  const band = ratingBand(request.minRating);
  const kindOk = (s: FillSample): boolean =>
    request.labelKind === null || s.labelKind === null || s.labelKind === request.labelKind;
  const kindText = request.labelKind ? `${request.labelKind} ` : "";
  const rules: Rule[] = [
    {
      name: `${kindText}campaigns with a minimum rating in the same star band and ${request.replication} worker${request.replication === 1 ? "" : "s"} per task`,
      keep: (s) => kindOk(s) && ratingBand(s.minRating) === band && s.replication === request.replication,
    },
    {
      name: `${kindText}campaigns with a minimum rating in the same star band`,
      keep: (s) => kindOk(s) && ratingBand(s.minRating) === band,
    },
    {
      name: `${kindText}campaigns with a minimum rating within one star`,
      keep: (s) => kindOk(s) && Math.abs(ratingBand(s.minRating) - band) <= 1,
    },
  ];
  let chosen: { rule: Rule; similar: FillSample[]; inTime: FillSample[] } | null = null;
  for (const rule of rules) {
    const similar = samples.filter(rule.keep);
    const inTime = similar.filter((s) => s.fillSeconds !== null && s.fillSeconds <= request.deadlineSeconds);
    chosen = { rule, similar, inTime };
    if (inTime.length >= ENOUGH) break;
  }
  const { rule, similar, inTime } = chosen!;
  const base = { similar: similar.length, sampleSize: inTime.length, feeBps: terms.feeBps };
  if (inTime.length === 0) {
    return {
      ...base,
      priceLamports: null,
      lowLamports: null,
      highLamports: null,
      medianFillSeconds: null,
      cost: null,
      basis:
        similar.length === 0
          ? "No similar campaign in the last 30 days: there is no market price to suggest yet."
          : `None of ${similar.length} similar campaigns (${rule.name}) filled within ${describeSeconds(request.deadlineSeconds)}.`,
    };
  }
  const prices = inTime.map((s) => s.priceLamports).sort((a, b) => a - b);
  const fills = inTime.map((s) => s.fillSeconds!).sort((a, b) => a - b);
  const price = quantile(prices, 0.5);
  return {
    ...base,
    priceLamports: price,
    lowLamports: quantile(prices, 0.25),
    highLamports: quantile(prices, 0.75),
    medianFillSeconds: quantile(fills, 0.5),
    cost: campaignCost(BigInt(price), request.tasks, request.replication, terms),
    basis: `The median price of ${inTime.length} of ${similar.length} similar campaigns (${rule.name}) that filled within ${describeSeconds(request.deadlineSeconds)}, over the last 30 days.`,
  };
}

/** Everything a campaign costs its requester at `price` per assignment, in lamports. */
export function campaignCost(
  price: bigint,
  tasks: number,
  replication: number,
  terms: QuoteTerms,
): NonNullable<Quote["cost"]> {
  const slots = BigInt(tasks) * BigInt(replication);
  const fees = computeFee(price, terms.feeBps) * slots;
  const paid = price * slots;
  const pages = taskPageSizes(tasks).length;
  const rent =
    terms.rent.campaign + terms.rent.escrow + terms.rent.task * BigInt(tasks) + (terms.rent.page ?? 0n) * BigInt(pages);
  // One create_campaign transaction and one add_task_page per 8,192 tasks, each signed by the requester.
  const network = (terms.signatureFee ?? 5_000n) * BigInt(1 + Math.ceil(tasks / PAGE_TASKS));
  return {
    workersLamports: Number(paid - fees),
    feesLamports: Number(fees),
    rentLamports: Number(rent),
    networkLamports: Number(network),
    totalLamports: Number(paid + rent + network),
  };
}

/** Solana's default rent: (128 + size) bytes × 3,480 lamports per byte-year × 2 years. */
export function defaultRent(size: number): bigint {
  return BigInt(128 + size) * 6_960n;
}

/** Nearest-rank quantile of an ascending list. */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function describeSeconds(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7_200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3_600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}
