// `amplify export --format jsonl` on a moderation campaign: one JSON line per item with the
// majority decision, the votes per category, agreement and confidence, and each worker's
// judgement (decisions, reason, time spent) so nothing the workers said is lost.
import fs from "node:fs";
import path from "node:path";
import type { Address } from "@solana/kit";
import { RequesterError, type AmplifyChain } from "../../chain";
import type { RequesterKeys } from "../keyfile";
import type { ProgressListener } from "../progress";
import { consensusOf } from "./consensus";
import { moderationSpecOf } from "./campaign-policy";
import type { ModerationManifest } from "./moderation-manifest";
import { collectJudgements } from "./moderation-results";

export interface ModerationExportOptions {
  chain: AmplifyChain;
  keys: RequesterKeys;
  campaign: Address;
  /** Gives items their ids and kinds; without it they are named by task index. */
  manifest?: ModerationManifest;
  /** The output file (.jsonl). */
  outFile: string;
  onProgress?: ProgressListener;
}

export interface ModerationExportLine {
  index: number;
  id: string;
  kind: "text" | "image" | "unknown";
  decision: string[];
  votes: Record<string, number>;
  voters: number;
  agreement: number;
  confidence: number;
  judgements: Array<{ worker: string; decisions: string[]; reason?: string; timeSpentMs: number; score?: number }>;
}

export async function exportModerationResults(
  opts: ModerationExportOptions,
): Promise<{ file: string; items: number; judgements: number }> {
  const spec = await moderationSpecOf(opts.chain, opts.campaign);
  if (!spec)
    throw new RequesterError(
      `Campaign ${opts.campaign} is not a moderation campaign (or its metadata cannot be read).`,
    );
  const judgements = await collectJudgements(opts.chain, opts.keys, opts.campaign, opts.onProgress);
  const byTask = new Map<number, typeof judgements>();
  for (const j of judgements)
    if (j.result) byTask.set(j.account.taskIndex, [...(byTask.get(j.account.taskIndex) ?? []), j]);
  const lines: ModerationExportLine[] = [];
  for (const [index, list] of [...byTask.entries()].sort((a, b) => a[0] - b[0])) {
    const c = consensusOf(
      spec.policy,
      list.map((j) => ({ voter: j.account.worker, decisions: j.result?.decisions ?? [] })),
    );
    const item = opts.manifest?.items[index];
    lines.push({
      index,
      id: item?.id ?? `task-${index}`,
      kind: item?.kind ?? "unknown",
      decision: c.decision,
      votes: c.votes,
      voters: c.voters,
      agreement: round(c.agreement),
      confidence: round(c.confidence),
      judgements: list.map((j) => ({
        worker: j.account.worker,
        decisions: j.result?.decisions ?? [],
        ...(j.result?.reason ? { reason: j.result.reason } : {}),
        timeSpentMs: j.result?.timeSpentMs ?? 0,
        ...(j.account.score !== null ? { score: j.account.score } : {}),
      })),
    });
  }
  fs.mkdirSync(path.dirname(path.resolve(opts.outFile)), { recursive: true });
  const tmp = `${opts.outFile}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, lines.map((l) => JSON.stringify(l)).join("\n") + (lines.length ? "\n" : ""));
  fs.renameSync(tmp, opts.outFile);
  return { file: opts.outFile, items: lines.length, judgements: lines.reduce((s, l) => s + l.judgements.length, 0) };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
