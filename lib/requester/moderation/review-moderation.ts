// `amplify review` on a moderation campaign: each judgement is scored by its agreement with the
// other workers' majority on the same item (leave-one-out), and the scores are posted on chain
// with the program's review instruction, which moves each worker's rating like any review.
import type { Address } from "@solana/kit";
import type { ModerationPolicy } from "../../../shared/moderation";
import { RequesterError, type AmplifyChain } from "../../chain";
import type { RequesterKeys } from "../keyfile";
import type { ProgressListener } from "../progress";
import { ownCampaign, postReviews } from "../post-reviews";
import { toScore } from "../scoring";
import { consensusOf, voteAgreement, type ModerationVote } from "./consensus";
import { moderationSpecOf } from "./campaign-policy";
import { collectJudgements, type SubmittedJudgement } from "./moderation-results";

export interface ModerationReviewOptions {
  chain: AmplifyChain;
  keys: RequesterKeys;
  campaign: Address;
  /** Score for a lone judgement nobody else made on the item; undefined leaves it unreviewed. */
  unverifiableScore?: number;
  dryRun?: boolean;
  onProgress?: ProgressListener;
}

export interface ReviewedJudgement {
  assignment: Address;
  worker: Address;
  taskIndex: number;
  score: number | undefined;
  basis: "consensus" | "default" | "unverifiable" | "unreadable" | "already-reviewed";
  /** The item's majority decision over every readable judgement, and the share that gave it. */
  majority: string[];
  agreement: number;
}

export function scoreJudgements(
  policy: ModerationPolicy,
  judgements: SubmittedJudgement[],
  unverifiableScore?: number,
): ReviewedJudgement[] {
  const votesByTask = new Map<number, Array<{ j: SubmittedJudgement; vote: ModerationVote }>>();
  for (const j of judgements) {
    if (!j.result) continue;
    const list = votesByTask.get(j.account.taskIndex) ?? [];
    list.push({ j, vote: { voter: j.account.worker, decisions: j.result.decisions } });
    votesByTask.set(j.account.taskIndex, list);
  }
  const items = new Map<number, { majority: string[]; agreement: number }>();
  for (const [index, entries] of votesByTask) {
    const c = consensusOf(
      policy,
      entries.map((e) => e.vote),
    );
    items.set(index, { majority: c.decision, agreement: c.agreement });
  }
  return judgements.map((j): ReviewedJudgement => {
    const base = {
      assignment: j.assignment,
      worker: j.account.worker,
      taskIndex: j.account.taskIndex,
      ...(items.get(j.account.taskIndex) ?? { majority: [], agreement: 0 }),
    };
    if (j.account.score !== null) return { ...base, score: j.account.score, basis: "already-reviewed" };
    if (!j.result) return { ...base, score: 0, basis: "unreadable" };
    const entries = votesByTask.get(j.account.taskIndex) ?? [];
    const mine = entries.find((e) => e.j === j)?.vote;
    const agreement = mine
      ? voteAgreement(
          policy,
          mine,
          entries.map((e) => e.vote),
        )
      : undefined;
    if (agreement !== undefined) return { ...base, score: toScore(agreement), basis: "consensus" };
    return unverifiableScore === undefined
      ? { ...base, score: undefined, basis: "unverifiable" }
      : { ...base, score: unverifiableScore, basis: "default" };
  });
}

export async function reviewModerationCampaign(opts: ModerationReviewOptions): Promise<ReviewedJudgement[]> {
  await ownCampaign(opts.chain, opts.keys, opts.campaign);
  const spec = await moderationSpecOf(opts.chain, opts.campaign);
  if (!spec)
    throw new RequesterError(
      `Campaign ${opts.campaign} is not a moderation campaign (or its metadata cannot be read).`,
    );
  const judgements = await collectJudgements(opts.chain, opts.keys, opts.campaign, opts.onProgress);
  const scored = scoreJudgements(spec.policy, judgements, opts.unverifiableScore);
  if (opts.dryRun) return scored;
  await postReviews(opts.chain, opts.keys, opts.campaign, scored, opts.onProgress);
  return scored;
}
