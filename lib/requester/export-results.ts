// `amplify export`: one result per image — the best-scored when reviewed, else the one that
// agrees most with the others — written as COCO, YOLO, Pascal VOC or CVAT for images 1.1, each in
// the layout its tools expect. Shapes a format cannot hold are counted in the summary, never
// dropped silently.
import fs from "node:fs";
import path from "node:path";
import type { Address } from "@solana/kit";
import type { AmplifyChain } from "../chain";
import { RequesterError } from "../chain";
import type { CampaignManifest } from "./campaign-manifest";
import type { ShapeKind } from "../../shared/annotation";
import { SHAPE_KINDS } from "../../shared/annotation";
import {
  exportCoco,
  exportCvat,
  exportVoc,
  exportYolo,
  omittedKinds,
  YOLO_KINDS,
  type ExportFile,
  type ExportImage,
  type ExportInput,
} from "./exporters";
import type { RequesterKeys } from "./keyfile";
import type { ProgressListener } from "./progress";
import { collectResults, type SubmittedResult } from "./results";
import { answerAgreement } from "./scoring";

export const EXPORT_FORMATS = ["coco", "yolo", "voc", "cvat"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Kinds each format holds as themselves; VOC holds every kind as a box, so it omits none. */
const HOLDS: Record<ExportFormat, readonly ShapeKind[]> = {
  coco: SHAPE_KINDS,
  yolo: YOLO_KINDS,
  voc: SHAPE_KINDS,
  cvat: SHAPE_KINDS,
};

export function exportFiles(format: ExportFormat, input: ExportInput): ExportFile[] {
  switch (format) {
    case "coco":
      return exportCoco(input);
    case "yolo":
      return exportYolo(input);
    case "voc":
      return exportVoc(input);
    case "cvat":
      return exportCvat(input);
  }
}

export interface ExportOptions {
  chain: AmplifyChain;
  keys: RequesterKeys;
  campaign: Address;
  manifest?: CampaignManifest;
  format: ExportFormat;
  outDir: string;
  onProgress?: ProgressListener;
}

export interface ExportSummary {
  files: string[];
  images: number;
  shapes: number;
  /** Shapes the format has no form for, by kind (YOLO: polylines and points). */
  omitted: Partial<Record<ShapeKind, number>>;
}

function pickBest(results: SubmittedResult[]): SubmittedResult | undefined {
  const usable = results.filter((r) => r.doc);
  if (usable.length <= 1) return usable[0];
  const reviewed = usable.filter((r) => r.account.score !== null);
  if (reviewed.length > 0) return reviewed.reduce((a, b) => ((b.account.score ?? 0) > (a.account.score ?? 0) ? b : a));
  const agreement = (r: SubmittedResult): number =>
    usable
      .filter((o) => o !== r)
      .reduce(
        (s, o) =>
          s +
          answerAgreement(
            { shapes: r.doc?.shapes ?? [], classes: r.doc?.classes ?? [] },
            { shapes: o.doc?.shapes ?? [], classes: o.doc?.classes ?? [] },
          ),
        0,
      );
  return usable.reduce((a, b) => (agreement(b) > agreement(a) ? b : a));
}

export async function exportResults(opts: ExportOptions): Promise<ExportSummary> {
  const campaign = await opts.chain.campaign(opts.campaign);
  if (!campaign) throw new RequesterError(`No campaign at ${opts.campaign}.`);
  const results = await collectResults(opts.chain, opts.keys, opts.campaign, opts.onProgress);
  const byTask = new Map<number, SubmittedResult[]>();
  for (const r of results) byTask.set(r.account.taskIndex, [...(byTask.get(r.account.taskIndex) ?? []), r]);
  const labels = opts.manifest?.labels ?? results.find((r) => r.doc)?.doc?.labels ?? [];
  const images: ExportImage[] = [];
  for (const [index, candidates] of [...byTask.entries()].sort((a, b) => a[0] - b[0])) {
    const best = pickBest(candidates);
    if (!best?.doc) continue;
    const known = opts.manifest?.tasks[index];
    const width = known?.width ?? best.doc.image?.width;
    const height = known?.height ?? best.doc.image?.height;
    if (!width || !height) continue;
    images.push({
      index,
      fileName: known?.name ?? `task-${index}.png`,
      width,
      height,
      shapes: best.doc.shapes,
      classes: best.doc.classes,
    });
  }
  const input = { title: opts.manifest?.title ?? `campaign ${opts.campaign}`, labels, images };
  const files = exportFiles(opts.format, input);
  const written: string[] = [];
  for (const f of files) {
    const target = path.join(opts.outDir, f.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.contents);
    written.push(target);
  }
  return {
    files: written,
    images: images.length,
    shapes: images.reduce((s, i) => s + i.shapes.length, 0),
    omitted: omittedKinds(input, HOLDS[opts.format]),
  };
}
