// `amplify export`: one result per image — the best-scored when reviewed, else the one that
// agrees most with the others — written as COCO, YOLO, Pascal VOC or CVAT for images 1.1, each in
// the layout its tools expect. Shapes a format cannot hold are counted in the summary, never
// dropped silently.
import type { Address } from "@solana/kit";
import type { AmplifyChain } from "../chain";
import { RequesterError } from "../chain";
import type { CampaignManifest } from "./campaign-manifest";
import type { ShapeKind } from "../../shared/annotation";
import { SHAPE_KINDS } from "../../shared/annotation";
import {
  cocoImageTargets,
  cvatImageTargets,
  exportCoco,
  exportCvat,
  exportVoc,
  exportYolo,
  omittedKinds,
  vocImageTargets,
  YOLO_KINDS,
  yoloImageTargets,
  yoloTasks,
  type ExportFile,
  type ExportImage,
  type ExportInput,
  type ImageTarget,
} from "./exporters";
import { writeExport, type ImageMode } from "./export-images";
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

/** Where the format's layout keeps the images themselves (written only with `images: "copy" | "link"`). */
export function imageTargets(format: ExportFormat, input: ExportInput): ImageTarget[] {
  switch (format) {
    case "coco":
      return cocoImageTargets(input);
    case "yolo":
      return yoloImageTargets(input);
    case "voc":
      return vocImageTargets(input);
    case "cvat":
      return cvatImageTargets(input);
  }
}

export interface ExportOptions {
  chain: AmplifyChain;
  keys: RequesterKeys;
  campaign: Address;
  manifest?: CampaignManifest;
  format: ExportFormat;
  outDir: string;
  /** The images beside the labels: none (the default), copied, or linked to `imagesFrom` (see export-images.ts). */
  images?: ImageMode;
  /** The folder the campaign was posted from; `link` needs it, `copy` reads from it instead of the blob store. */
  imagesFrom?: string;
  onProgress?: ProgressListener;
}

export interface ExportSummary {
  files: string[];
  images: number;
  shapes: number;
  /** Shapes the format has no form for, by kind (YOLO: polylines and points). */
  omitted: Partial<Record<ShapeKind, number>>;
  /** Image files written (copied or linked); 0 without `images`. */
  imageFiles: number;
  /** What the requester should know about what was not written (a sentence each). */
  notes: string[];
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
  const mode = opts.images ?? "none";
  const notes: string[] = [];
  if (opts.format === "yolo" && mode === "none" && yoloTasks(input).includes("classify"))
    notes.push(
      "the image classes' YOLO classify layout (train/<class>/<image>) is folders of images: export with --images copy or --images link to have it",
    );
  const written = await writeExport({
    outDir: opts.outDir,
    files,
    images,
    targets: imageTargets(opts.format, input),
    mode,
    ...(opts.imagesFrom !== undefined ? { imagesFrom: opts.imagesFrom } : {}),
    chain: opts.chain,
    keys: opts.keys,
    campaign: opts.campaign,
  });
  return {
    files: written,
    imageFiles: written.length - files.length,
    images: images.length,
    shapes: images.reduce((s, i) => s + i.shapes.length, 0),
    omitted: omittedKinds(input, HOLDS[opts.format]),
    notes,
  };
}
