import type { Shape } from "../../shared/annotation";
import { shapeBox } from "../../shared/annotation";
import { boxIoU } from "../../shared/geometry";

/**
 * The model as one more voter in a task's consensus (the whitepaper's AI cross-validation),
 * always weighted below a human: it can break a tie between people but never outvote one.
 * Pure functions: `amplify review` passes its own agreement measure in.
 */

export interface Answer {
  readonly shapes: Shape[];
  readonly classes: string[];
}

export interface Vote {
  /** The worker's address, or the model id ("name@version") for the model's vote. */
  readonly voter: string;
  readonly kind: "human" | "model";
  readonly answer: Answer;
}

export interface ConsensusWeights {
  readonly human: number;
  /** Must stay below `human`; the default gives the model half a person's say. */
  readonly model: number;
}

export const DEFAULT_WEIGHTS: ConsensusWeights = { human: 1, model: 0.5 };

export type Agreement = (a: Answer, b: Answer) => number;

export interface WorkerAgreement {
  readonly worker: string;
  /** Mean agreement with the other workers on the task; null when the worker labelled alone. */
  readonly withHumans: number | null;
  /** Agreement with the model's answer; null when no model voted. */
  readonly withModel: number | null;
  /** Weighted mean over every other voter; null when there was nobody to compare with. */
  readonly combined: number | null;
}

function checkWeights(w: ConsensusWeights): void {
  if (!(w.model >= 0 && w.model < w.human))
    throw new RangeError(`the model's weight (${w.model}) must be at least 0 and below a human's (${w.human})`);
}

/** Each human voter of one task scored against the others, humans and model apart and combined. */
export function scoreTask(
  votes: readonly Vote[],
  agreement: Agreement,
  weights: ConsensusWeights = DEFAULT_WEIGHTS,
): WorkerAgreement[] {
  checkWeights(weights);
  const humans = votes.filter((v) => v.kind === "human");
  const model = votes.find((v) => v.kind === "model");
  return humans.map((me) => {
    const peers = humans.filter((p) => p !== me).map((p) => agreement(me.answer, p.answer));
    const withHumans = peers.length > 0 ? mean(peers) : null;
    const withModel = model ? agreement(me.answer, model.answer) : null;
    const totalWeight = peers.length * weights.human + (withModel === null ? 0 : weights.model);
    const combined =
      totalWeight > 0
        ? (peers.reduce((s, v) => s + v * weights.human, 0) +
            (withModel ?? 0) * (withModel === null ? 0 : weights.model)) /
          totalWeight
        : null;
    return { worker: me.voter, withHumans, withModel, combined };
  });
}

export interface WorkerSummary {
  readonly worker: string;
  readonly tasks: number;
  readonly meanWithHumans: number | null;
  readonly meanWithModel: number | null;
  readonly meanCombined: number | null;
}

/** Per-worker means over many tasks: agreement with people and with the model kept apart. */
export function summarizeWorkers(perTask: readonly (readonly WorkerAgreement[])[]): WorkerSummary[] {
  const byWorker = new Map<string, WorkerAgreement[]>();
  for (const task of perTask) for (const a of task) byWorker.set(a.worker, [...(byWorker.get(a.worker) ?? []), a]);
  return [...byWorker.entries()]
    .map(([worker, rows]) => ({
      worker,
      tasks: rows.length,
      meanWithHumans: meanOf(rows.map((r) => r.withHumans)),
      meanWithModel: meanOf(rows.map((r) => r.withModel)),
      meanCombined: meanOf(rows.map((r) => r.combined)),
    }))
    .sort((a, b) => a.worker.localeCompare(b.worker));
}

export interface ConsensusShape {
  readonly shape: Shape;
  /** Summed weight of the distinct voters that drew it, and who they were. */
  readonly weight: number;
  readonly voters: string[];
}

/**
 * The task's consensus shapes: each voter's shapes clustered by label and IoU; a cluster is
 * kept when its voters hold more than half of the total weight. Boxes are the weight-averaged
 * box of the cluster; a polygon cluster keeps its heaviest voter's polygon.
 */
export function consensusShapes(
  votes: readonly Vote[],
  weights: ConsensusWeights = DEFAULT_WEIGHTS,
  matchIou = 0.5,
): ConsensusShape[] {
  checkWeights(weights);
  const weightOf = (v: Vote): number => (v.kind === "human" ? weights.human : weights.model);
  const total = votes.reduce((s, v) => s + weightOf(v), 0);
  const clusters: { label: string; members: { shape: Shape; vote: Vote }[] }[] = [];
  // Humans first, so a cluster is seeded by a person's shape when there is one.
  const ordered = [...votes].sort((a, b) => weightOf(b) - weightOf(a));
  for (const vote of ordered) {
    for (const shape of vote.answer.shapes) {
      let best: (typeof clusters)[number] | undefined;
      let bestIou = matchIou;
      for (const c of clusters) {
        if (c.label !== shape.label || c.members.some((m) => m.vote.voter === vote.voter)) continue;
        const seed = c.members[0];
        const v = seed ? boxIoU(shapeBox(seed.shape), shapeBox(shape)) : 0;
        if (v >= bestIou) {
          best = c;
          bestIou = v;
        }
      }
      if (best) best.members.push({ shape, vote });
      else clusters.push({ label: shape.label, members: [{ shape, vote }] });
    }
  }
  const out: ConsensusShape[] = [];
  for (const c of clusters) {
    const weight = c.members.reduce((s, m) => s + weightOf(m.vote), 0);
    if (weight * 2 <= total) continue;
    out.push({
      shape: merge(c.members.map((m) => ({ shape: m.shape, w: weightOf(m.vote) }))),
      weight,
      voters: c.members.map((m) => m.vote.voter),
    });
  }
  return out;
}

function merge(members: { shape: Shape; w: number }[]): Shape {
  const heaviest = [...members].sort((a, b) => b.w - a.w)[0];
  if (!heaviest) throw new Error("empty cluster");
  const boxes = members.flatMap((m) => (m.shape.kind === "box" ? [{ box: m.shape, w: m.w }] : []));
  if (heaviest.shape.kind !== "box" || boxes.length !== members.length) return heaviest.shape;
  const sum = boxes.reduce((s, b) => s + b.w, 0);
  const avg = (f: (b: { x: number; y: number; w: number; h: number }) => number): number =>
    boxes.reduce((s, b) => s + f(b.box) * b.w, 0) / sum;
  // The merged box is nobody's drawing: it carries no source.
  const { source: _source, ...base } = heaviest.shape;
  return { ...base, x: avg((b) => b.x), y: avg((b) => b.y), w: avg((b) => b.w), h: avg((b) => b.h) };
}

const mean = (xs: readonly number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length;

function meanOf(xs: readonly (number | null)[]): number | null {
  const present = xs.filter((x): x is number => x !== null);
  return present.length > 0 ? mean(present) : null;
}
