// The model as one more voter in `amplify review` (the whitepaper's AI cross-validation): it
// looks at each task image the requester posted — fetched by hash, decrypted with the
// requester's own file key when private — and its answer joins the task's consensus, weighted
// below a person (electron/core/first-guess/model-consensus.ts).
import type { Address } from "@solana/kit";
import { decryptEnvelope } from "../crypto";
import { DEFAULT_WEIGHTS, scoreTask, summarizeWorkers } from "../first-guess";
import type { ModelVoter, Vote, WorkerAgreement, WorkerSummary } from "../first-guess";
import { getBlob } from "../blobs";
import type { AmplifyChain } from "../chain";
import type { RequesterKeys } from "./keyfile";
import type { ProgressListener } from "./progress";
import type { SubmittedResult } from "./results";
import { answerAgreement } from "./scoring";

export interface ModelVoteOptions {
  chain: AmplifyChain;
  keys: RequesterKeys;
  campaign: Address;
  isPrivate: boolean;
  voter: ModelVoter;
  /** Only these task indexes are looked at (those with results to review). */
  taskIndexes: Iterable<number>;
  onProgress?: ProgressListener;
}

/** The model's vote per task index; a task whose image cannot be read gets no vote (logged by the caller). */
export async function collectModelVotes(
  opts: ModelVoteOptions,
): Promise<{ votes: Map<number, Vote>; problems: string[] }> {
  const wanted = new Set(opts.taskIndexes);
  const tasks = (await opts.chain.tasks(opts.campaign)).filter((t) => wanted.has(t.index));
  const votes = new Map<number, Vote>();
  const problems: string[] = [];
  let done = 0;
  for (const t of tasks) {
    try {
      const body = await getBlob(t.uri, Buffer.from(t.dataHash).toString("hex"));
      let image = body;
      if (opts.isPrivate) {
        const key = opts.keys.fileKey(opts.campaign, t.index);
        try {
          image = decryptEnvelope(body, key);
        } finally {
          key.fill(0);
        }
      }
      votes.set(t.index, await opts.voter.vote(image));
    } catch (e) {
      problems.push(`task ${t.index}: the model could not vote (${e instanceof Error ? e.message : String(e)})`);
    }
    // Reading the task images is the slow part: shown as a download.
    opts.onProgress?.({ phase: "download", done: ++done, total: tasks.length });
  }
  return { votes, problems };
}

const votesOf = (results: readonly SubmittedResult[]): Vote[] =>
  results.flatMap((r) =>
    r.doc
      ? [{ voter: r.account.worker, kind: "human" as const, answer: { shapes: r.doc.shapes, classes: r.doc.classes } }]
      : [],
  );

/** One result's agreement on its task, humans and model apart and weighted together. */
export function agreementOf(
  result: SubmittedResult,
  sameTask: readonly SubmittedResult[],
  model: Vote | undefined,
): WorkerAgreement | undefined {
  const rows = scoreTask([...votesOf(sameTask), ...(model ? [model] : [])], answerAgreement, DEFAULT_WEIGHTS);
  return rows.find((r) => r.worker === result.account.worker);
}

/** Per worker over the campaign: mean agreement with other workers, and with the model, kept apart. */
export function workerAgreement(
  results: readonly SubmittedResult[],
  votes: ReadonlyMap<number, Vote>,
): WorkerSummary[] {
  const byTask = new Map<number, SubmittedResult[]>();
  for (const r of results) byTask.set(r.account.taskIndex, [...(byTask.get(r.account.taskIndex) ?? []), r]);
  const perTask = [...byTask.entries()].map(([index, rs]) => {
    const model = votes.get(index);
    return scoreTask([...votesOf(rs), ...(model ? [model] : [])], answerAgreement, DEFAULT_WEIGHTS);
  });
  return summarizeWorkers(perTask);
}
