// `amplify review`: score every submitted result — against the gold answer when the task
// has one, else by agreement with the other workers on the same task — and post the scores
// on chain (which moves each worker's rating). A lone result with no gold cannot be judged
// and is left for later unless a default score is given.
import type { Address } from "@solana/kit";
import type { ModelVoter, Vote, WorkerSummary } from "../first-guess";
import type { AmplifyChain } from "../chain";
import type { CampaignManifest } from "./campaign-manifest";
import type { RequesterKeys } from "./keyfile";
import type { ProgressListener } from "./progress";
import { ownCampaign, postReviews } from "./post-reviews";
import { agreementOf, collectModelVotes, workerAgreement } from "./model-votes";
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
  /** A first-guess model voting in consensus, weighted below a person (`--model`). */
  model?: ModelVoter;
  /** Per-worker agreement with the other workers and with the model, reported apart. */
  onAgreement?: (rows: WorkerSummary[], problems: string[]) => void;
}

export interface ReviewedResult {
  assignment: Address;
  worker: Address;
  taskIndex: number;
  score: number | undefined;
  basis: "gold" | "consensus" | "default" | "unverifiable" | "unreadable" | "already-reviewed";
  /** With a model voting: this result's agreement with it (0..1), beside the score. */
  withModel?: number;
}

/**
 * With `modelVotes`, consensus scores weigh the model's answer in below each person's, so it can
 * tip a split between people but never outvote one; a lone result is still not judged by the
 * model alone, and gold still decides where there is gold.
 */
export function scoreResults(
  results: SubmittedResult[],
  manifest: CampaignManifest | undefined,
  unverifiableScore?: number,
  modelVotes?: ReadonlyMap<number, Vote>,
): ReviewedResult[] {
  const byTask = new Map<number, SubmittedResult[]>();
  for (const r of results) byTask.set(r.account.taskIndex, [...(byTask.get(r.account.taskIndex) ?? []), r]);
  return results.map((r): ReviewedResult => {
    const base = { assignment: r.assignment, worker: r.account.worker, taskIndex: r.account.taskIndex };
    if (r.account.score !== null) return { ...base, score: r.account.score, basis: "already-reviewed" };
    if (!r.doc) return { ...base, score: 0, basis: "unreadable" };
    const mine = { shapes: r.doc.shapes, classes: r.doc.classes };
    const name = manifest?.tasks[r.account.taskIndex]?.name;
    const gold = name ? manifest?.gold[name] : undefined;
    if (gold) return { ...base, score: toScore(answerAgreement(mine, gold)), basis: "gold" };
    const peers = (byTask.get(r.account.taskIndex) ?? []).filter((p) => p !== r && p.doc);
    const model = modelVotes?.get(r.account.taskIndex);
    if (model && peers.length > 0) {
      const agreement = agreementOf(r, [r, ...peers], model);
      return {
        ...base,
        score: toScore(agreement?.combined ?? 0),
        basis: "consensus",
        ...(agreement?.withModel != null ? { withModel: agreement.withModel } : {}),
      };
    }
    if (peers.length > 0) {
      const mean =
        peers.reduce(
          (s, p) => s + answerAgreement(mine, { shapes: p.doc?.shapes ?? [], classes: p.doc?.classes ?? [] }),
          0,
        ) / peers.length;
      return { ...base, score: toScore(mean), basis: "consensus" };
    }
    return unverifiableScore === undefined
      ? { ...base, score: undefined, basis: "unverifiable" }
      : { ...base, score: unverifiableScore, basis: "default" };
  });
}

export async function reviewCampaign(opts: ReviewOptions): Promise<ReviewedResult[]> {
  const campaign = await ownCampaign(opts.chain, opts.keys, opts.campaign);
  const results = await collectResults(opts.chain, opts.keys, opts.campaign, opts.onProgress);
  let modelVotes: Map<number, Vote> | undefined;
  if (opts.model) {
    const { votes, problems } = await collectModelVotes({
      chain: opts.chain,
      keys: opts.keys,
      campaign: opts.campaign,
      isPrivate: campaign.isPrivate,
      voter: opts.model,
      taskIndexes: results.map((r) => r.account.taskIndex),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    modelVotes = votes;
    opts.onAgreement?.(workerAgreement(results, votes), problems);
  }
  const scored = scoreResults(results, opts.manifest, opts.unverifiableScore, modelVotes);
  if (opts.dryRun) return scored;
  await postReviews(opts.chain, opts.keys, opts.campaign, scored, opts.onProgress);
  return scored;
}
