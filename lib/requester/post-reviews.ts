// What every kind of review does around its scoring: check that the campaign is this key's,
// then post the scores on chain a few per transaction, reporting progress. Labelling reviews
// (review.ts) and moderation reviews (moderation/review-moderation.ts) score differently but
// post the same way.
import type { Address } from "@solana/kit";
import type { CampaignAccount } from "../../shared/protocol";
import { getReviewInstruction } from "../../shared/protocol";
import type { AmplifyChain } from "../chain";
import { RequesterError } from "../chain";
import type { RequesterKeys } from "./keyfile";
import type { ProgressListener } from "./progress";

/** Review instructions per transaction: each carries the accounts AMP rewards need, so few fit. */
export const REVIEWS_PER_TRANSACTION = 4;

/** The campaign, if it exists and this key created it; a sentence saying which is not so otherwise. */
export async function ownCampaign(
  chain: AmplifyChain,
  keys: RequesterKeys,
  campaign: Address,
): Promise<CampaignAccount> {
  const account = await chain.campaign(campaign);
  if (!account) throw new RequesterError(`No campaign at ${campaign}.`);
  if (account.requester !== keys.address)
    throw new RequesterError(`Campaign ${campaign} belongs to ${account.requester}, not to this wallet.`);
  return account;
}

/** A scored result: which worker's result on which task, and its score (undefined: leave it unreviewed). */
export interface ScoreToPost {
  readonly worker: Address;
  readonly taskIndex: number;
  readonly score: number | undefined;
  readonly basis: string;
}

/** Posts every score that is set and not already on chain, REVIEWS_PER_TRANSACTION at a time. */
export async function postReviews(
  chain: AmplifyChain,
  keys: RequesterKeys,
  campaign: Address,
  scored: readonly ScoreToPost[],
  onProgress?: ProgressListener,
): Promise<void> {
  const toPost = scored.filter((s) => s.score !== undefined && s.basis !== "already-reviewed");
  for (let i = 0; i < toPost.length; i += REVIEWS_PER_TRANSACTION) {
    const batch = toPost.slice(i, i + REVIEWS_PER_TRANSACTION);
    const ixs = await Promise.all(
      batch.map((s) =>
        getReviewInstruction({
          requester: keys.signer,
          campaign,
          worker: s.worker,
          taskIndex: s.taskIndex,
          score: s.score ?? 0,
        }),
      ),
    );
    await chain.send(keys.signer, ixs);
    onProgress?.({ phase: "review", done: Math.min(i + REVIEWS_PER_TRANSACTION, toPost.length), total: toPost.length });
  }
}
