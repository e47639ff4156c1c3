import type { BoxShape, Label } from "../../shared/annotation/document";
import type { LabelMapping } from "../../shared/api/first-guess";
import type { Detection } from "./detection";

export interface ShapeOptions {
  /** The detector's class names, by class index. */
  readonly classes: readonly string[];
  /** The campaign's label set: a shape may only carry one of these ids. */
  readonly labels: readonly Label[];
  /** Explicit class → label id; when absent, a class maps onto the label of the same name. */
  readonly mapping?: LabelMapping | undefined;
  /** "name@version", recorded on every shape so the document says which model guessed it. */
  readonly model: string;
  readonly idPrefix?: string;
}

/** Which label id a detector class becomes, or null when the campaign has no use for it. */
export function labelFor(className: string, labels: readonly Label[], mapping?: LabelMapping): string | null {
  if (mapping) {
    const target = Object.prototype.hasOwnProperty.call(mapping, className) ? mapping[className] : undefined;
    return target !== undefined && labels.some((l) => l.id === target) ? target : null;
  }
  const wanted = className.toLowerCase();
  return labels.find((l) => l.name.toLowerCase() === wanted || l.id.toLowerCase() === wanted)?.id ?? null;
}

/** Detections → box shapes of the annotation document, unmapped classes dropped. */
export function detectionsToShapes(detections: readonly Detection[], options: ShapeOptions): BoxShape[] {
  const shapes: BoxShape[] = [];
  const prefix = options.idPrefix ?? "fg";
  for (const d of detections) {
    const className = options.classes[d.classIndex];
    if (className === undefined) continue;
    const label = labelFor(className, options.labels, options.mapping);
    if (label === null) continue;
    shapes.push({
      id: `${prefix}-${shapes.length + 1}`,
      kind: "box",
      label,
      x: round1(d.x),
      y: round1(d.y),
      w: round1(d.w),
      h: round1(d.h),
      source: { kind: "model", model: options.model, score: Math.round(d.score * 1000) / 1000 },
    });
  }
  return shapes;
}

const round1 = (v: number): number => Math.round(v * 10) / 10;
