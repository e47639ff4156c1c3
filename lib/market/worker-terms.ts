// What a worker nets from one task of a campaign and when each deposit comes back, by the rules
// program/src/assignment.c enforces (layout v2). One function for the app's Market and Wallet and
// for the CLI, so they can never print different figures for the same campaign.
import { assignmentDeposit, computeFee, shareDeposit } from "../../shared/protocol";
import { formatSol } from "../../shared/sol";

/** Lamports per signature: every Solana cluster charges 5,000 today (no priority fee is added). */
export const SIGNATURE_FEE_LAMPORTS = 5_000n;

/** The campaign fields the deposit rules read (a decoded CampaignAccount has them all). */
export interface CampaignClock {
  readonly price: bigint;
  readonly deadline: bigint;
  /** 0 while the campaign accepts work; the unix time end_campaign stopped it. */
  readonly endedAt: bigint;
  readonly assignmentTimeout: bigint;
  readonly reviewWindow: bigint;
}

export interface WorkerTermsInput {
  readonly campaign: CampaignClock;
  readonly feeBps: number;
  /** Unix seconds the accept would land at (now). */
  readonly nowSeconds: number;
  /** The worker already holds a Share of this campaign: no second campaign deposit. */
  readonly holdsShare: boolean;
  /** How many accepts share the accept transaction's one signature (the app packs up to 8). */
  readonly acceptsPerTransaction?: number;
  /** Rent of an Assignment and of a Share on this cluster; the default rent when not given. */
  readonly rent?: { readonly assignment: bigint; readonly share: bigint };
  readonly signatureFee?: bigint;
}

export interface WorkerTerms {
  readonly priceLamports: bigint;
  /** The protocol fee taken from the price at submission: floor(price × feeBps / 10,000). */
  readonly feeLamports: bigint;
  /** The worker's transaction fees for this task: its share of the accept plus the submit. */
  readonly networkLamports: bigint;
  readonly acceptFeeLamports: bigint;
  readonly submitFeeLamports: bigint;
  /** price − fee − network fees: what the worker's balance grows by, deposits aside. */
  readonly netLamports: bigint;
  /** The Assignment's rent: paid at accept, back in full with the pay at submit. */
  readonly taskDeposit: {
    readonly lamports: bigint;
    /** If the work is not submitted, anyone may release it (release_expired) from this time on. */
    readonly releasableAt: number;
  };
  /** The Share's rent, once per campaign: 0 when the worker already holds one. */
  readonly campaignDeposit: {
    readonly lamports: bigint;
    /** The campaign stops taking work here (its deadline, or when the requester ended it). */
    readonly stopsAt: number;
    /** close_share (anyone) succeeds from here on even if the requester never reviews. */
    readonly latestAt: number;
  };
}

/** When a campaign stops accepting: min(ended_at, deadline) when it was ended early. */
export function campaignStopsAt(c: CampaignClock): number {
  return Number(c.endedAt !== 0n && c.endedAt < c.deadline ? c.endedAt : c.deadline);
}

/**
 * The program's review deadline (assignment.c `review_deadline`): the last possible submission
 * (stop + assignment timeout) plus the review window. After it no review lands and any share
 * with no open work can be closed, its rent going back to the worker.
 */
export function reviewDeadline(c: CampaignClock): number {
  return campaignStopsAt(c) + Number(c.assignmentTimeout) + Number(c.reviewWindow);
}

/**
 * Whether close_share would succeed now (assignment.c ix_close_share): no open work, and the
 * campaign is closed, or it stopped taking work and every result is reviewed or the review
 * deadline has passed. `campaign` is null once the campaign is closed.
 */
export function shareClosable(
  share: { readonly open: number; readonly pendingReviews: number },
  campaign: CampaignClock | null,
  nowSeconds: number,
): boolean {
  if (share.open !== 0) return false;
  if (campaign === null) return true;
  if (nowSeconds < campaignStopsAt(campaign)) return false;
  return share.pendingReviews === 0 || nowSeconds >= reviewDeadline(campaign);
}

export function workerTerms(input: WorkerTermsInput): WorkerTerms {
  const signature = input.signatureFee ?? SIGNATURE_FEE_LAMPORTS;
  const perTx = BigInt(Math.max(1, Math.floor(input.acceptsPerTransaction ?? 1)));
  // The worker pays the whole signature; spread over the accepts it carried, rounded up so the
  // figure shown never flatters.
  const acceptFee = (signature + perTx - 1n) / perTx;
  const submitFee = signature;
  const fee = computeFee(input.campaign.price, input.feeBps);
  const network = acceptFee + submitFee;
  return {
    priceLamports: input.campaign.price,
    feeLamports: fee,
    networkLamports: network,
    acceptFeeLamports: acceptFee,
    submitFeeLamports: submitFee,
    netLamports: input.campaign.price - fee - network,
    taskDeposit: {
      lamports: input.rent?.assignment ?? assignmentDeposit(),
      releasableAt: input.nowSeconds + Number(input.campaign.assignmentTimeout),
    },
    campaignDeposit: {
      lamports: input.holdsShare ? 0n : (input.rent?.share ?? shareDeposit()),
      stopsAt: campaignStopsAt(input.campaign),
      latestAt: reviewDeadline(input.campaign),
    },
  };
}

/** Lamports as SOL with every significant digit (0.000001875 SOL), never rounded; a typographic minus. */
export function solText(lamports: bigint): string {
  return formatSol(lamports).replace(/^-/, "−");
}

/**
 * The terms as sentences, the same in the app and the CLI. `date` formats unix seconds (the app
 * uses the person's locale, the CLI ISO time).
 */
export function describeWorkerTerms(t: WorkerTerms, date: (unixSeconds: number) => string): string[] {
  const lines = [
    `You net ${solText(t.netLamports)} per result: price ${solText(t.priceLamports)} − protocol fee ${solText(t.feeLamports)} − transaction fees ${solText(t.networkLamports)} (accept ${t.acceptFeeLamports} + submit ${t.submitFeeLamports} lamports).`,
    `Task deposit ${solText(t.taskDeposit.lamports)}: returned with the pay when you submit; if you do not submit, anyone can release it back to you from ${date(t.taskDeposit.releasableAt)}.`,
  ];
  if (t.campaignDeposit.lamports > 0n)
    lines.push(
      `Campaign deposit ${solText(t.campaignDeposit.lamports)} (once per campaign): reclaimable once you have no open task and the campaign is closed, or it has stopped taking work (${date(t.campaignDeposit.stopsAt)}) and your results are reviewed; from ${date(t.campaignDeposit.latestAt)} even if they never are.`,
    );
  return lines;
}
