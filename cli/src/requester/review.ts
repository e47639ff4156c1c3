// `amplify review`: score every submitted result — against the gold answer when the task
// has one, else by agreement with the other workers on the same task — and post the scores
// on chain (which moves each worker's rating). A lone result with no gold cannot be judged
// and is left for later unless a default score is given.
import type { Address } from "@solana/kit";
import { AssignmentState, getReviewInstruction } from "../../../shared/protocol";
import type { AmplifyChain } from "./chain";
import { RequesterError } from "./chain";
import type { CampaignManifest } from "./campaignManifest";
import type { RequesterKeys } from "./keyfile";
import type { ProgressListener } from "./progress";
import { collectResults, type SubmittedResult } from "./results";
import { answerAgreement, toScore } from "./scoring";

export interface ReviewOptions {
  chain: AmplifyChain;
  keys: RequesterKeys;
  campaign: Address;
  manifest?: CampaignManifest;
  /** Score for results nothing can be compared with; undefined leaves them unreviewed. */
  unverifiableScore?: number;
  dryRun?: boolean;
  onProgress?: ProgressListener;
}

export interface ReviewedResult {
  assignment: Address;
  worker: Address;
  taskIndex: number;
  score: number | undefined;
  basis: "gold" | "consensus" | "default" | "unverifiable" | "unreadable" | "already-reviewed";
}

const REVIEWS_PER_TRANSACTION = 4;

export function scoreResults(results: SubmittedResult[], manifest: CampaignManifest | undefined, unverifiableScore?: number): ReviewedResult[] {
  const byTask = new Map<number, SubmittedResult[]>();
  for (const r of results) byTask.set(r.account.taskIndex, [...(byTask.get(r.account.taskIndex) ?? []), r]);
  return results.map((r): ReviewedResult => {
    const base = { assignment: r.assignment, worker: r.account.worker, taskIndex: r.account.taskIndex };
    if (r.account.state === AssignmentState.Reviewed) return { ...base, score: r.account.score, basis: "already-reviewed" };
    if (!r.doc) return { ...base, score: 0, basis: "unreadable" };
    const mine = { shapes: r.doc.shapes, classes: r.doc.classes };
    const name = manifest?.tasks[r.account.taskIndex]?.name;
    const gold = name ? manifest?.gold[name] : undefined;
    if (gold) return { ...base, score: toScore(answerAgreement(mine, gold)), basis: "gold" };
    const peers = (byTask.get(r.account.taskIndex) ?? []).filter((p) => p !== r && p.doc);
    if (peers.length > 0) {
      const mean = peers.reduce((s, p) => s + answerAgreement(mine, { shapes: p.doc?.shapes ?? [], classes: p.doc?.classes ?? [] }), 0) / peers.length;
      return { ...base, score: toScore(mean), basis: "consensus" };
    }
    return unverifiableScore === undefined ? { ...base, score: undefined, basis: "unverifiable" } : { ...base, score: unverifiableScore, basis: "default" };
  });
}

export async function reviewCampaign(opts: ReviewOptions): Promise<ReviewedResult[]> {
  const campaign = await opts.chain.campaign(opts.campaign);
  if (!campaign) throw new RequesterError(`No campaign at ${opts.campaign}.`);
  if (campaign.requester !== opts.keys.address) throw new RequesterError(`Campaign ${opts.campaign} belongs to ${campaign.requester}, not to this wallet.`);
  const results = await collectResults(opts.chain, opts.keys, opts.campaign, opts.onProgress);
  const scored = scoreResults(results, opts.manifest, opts.unverifiableScore);
  if (opts.dryRun) return scored;
  const toPost = scored.filter((s) => s.score !== undefined && s.basis !== "already-reviewed");
  for (let i = 0; i < toPost.length; i += REVIEWS_PER_TRANSACTION) {
    const batch = toPost.slice(i, i + REVIEWS_PER_TRANSACTION);
    const ixs = await Promise.all(
      batch.map((s) =>
        getReviewInstruction({ requester: opts.keys.signer, campaign: opts.campaign, assignment: s.assignment, worker: s.worker, score: s.score ?? 0 }),
      ),
    );
    await opts.chain.send(opts.keys.signer, ixs);
    opts.onProgress?.({ phase: "review", done: Math.min(i + REVIEWS_PER_TRANSACTION, toPost.length), total: toPost.length });
  }
  return scored;
}
