import type { Shape } from "../../../../shared/annotation";

/** How a region looks: one look per label colour and origin, so shapes can be batched by it. */
export interface RegionStyle {
  readonly stroke: string;
  readonly fill: string;
  /** A model's untouched first guess is dashed until a human confirms or edits it. */
  readonly dashed: boolean;
}

const FILL_ALPHA = "2e"; // ≈ 18 %: the image under a shape stays readable
const SELECTED_FILL_ALPHA = "55";
const UNKNOWN_LABEL_COLOR = "#ff00ff";

export function isUnreviewedPrelabel(shape: Shape): boolean {
  return shape.source?.kind === "model" && shape.source.edited !== true && shape.source.accepted !== true;
}

export function regionStyle(shape: Shape, color: string | undefined, selected = false): RegionStyle {
  const stroke = color ?? UNKNOWN_LABEL_COLOR;
  return { stroke, fill: stroke + (selected ? SELECTED_FILL_ALPHA : FILL_ALPHA), dashed: isUnreviewedPrelabel(shape) };
}

export function styleKey(style: RegionStyle): string {
  return `${style.stroke}|${style.dashed ? 1 : 0}`;
}

/** Adds the shape's outline to a path, in image coordinates. */
export function traceShape(path: CanvasPath, shape: Shape): void {
  if (shape.kind === "box") {
    path.rect(shape.x, shape.y, shape.w, shape.h);
    return;
  }
  const p = shape.points;
  path.moveTo(p[0] as number, p[1] as number);
  for (let i = 2; i < p.length; i += 2) path.lineTo(p[i] as number, p[i + 1] as number);
  path.closePath();
}
