import type { Label, Shape } from "../../../../shared/annotation";
import { rotatedBoxCorners } from "../../../../shared/annotation";

/** How a region looks: one look per label colour and origin, so shapes can be batched by it. */
export interface RegionStyle {
  readonly stroke: string;
  readonly fill: string;
  /** A model's untouched first guess is dashed until a human confirms or edits it. */
  readonly dashed: boolean;
  /** Open paths, points and skeletons are stroked only: filling them would paint a false area. */
  readonly filled: boolean;
}

const FILL_ALPHA = "2e"; // ≈ 18 %: the image under a shape stays readable
const SELECTED_FILL_ALPHA = "55";
const UNKNOWN_LABEL_COLOR = "#ff00ff";
/** Opacity of a mask's pixels (masks are their own fill). */
export const MASK_ALPHA = 0.45;

export function isUnreviewedPrelabel(shape: Shape): boolean {
  return shape.source?.kind === "model" && shape.source.edited !== true && shape.source.accepted !== true;
}

export function regionStyle(shape: Shape, color: string | undefined, selected = false): RegionStyle {
  const base = color ?? UNKNOWN_LABEL_COLOR;
  const filled = shape.kind !== "polyline" && shape.kind !== "points" && shape.kind !== "keypoints";
  return {
    stroke: outlineColor(base),
    fill: base + (selected ? SELECTED_FILL_ALPHA : FILL_ALPHA),
    dashed: isUnreviewedPrelabel(shape),
    filled,
  };
}

/** Drawn under every outline, wider: the dark half of the double stroke. */
export const HALO_COLOR = "#000000";
export const HALO_EXTRA_PX = 2;

/**
 * Outlines are a light stroke (the label's colour, lightened to a relative luminance of at
 * least 0.4) over a black halo. Any background with luminance ≥ 0.1 is ≥ 3:1 against the
 * black; any darker one is ≥ 3:1 against the light stroke ((0.4 + 0.05) / (0.1 + 0.05) = 3).
 * So some edge of every outline meets WCAG's 3:1 for graphics on any image.
 */
export const MIN_OUTLINE_LUMINANCE = 0.4;

export function relativeLuminance(hex: string): number {
  const n = parseInt(hex.slice(1, 7), 16);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const outlineCache = new Map<string, string>();

/** The colour mixed towards white just enough to reach MIN_OUTLINE_LUMINANCE. */
export function outlineColor(hex: string): string {
  const cached = outlineCache.get(hex);
  if (cached) return cached;
  const n = parseInt(hex.slice(1, 7), 16);
  const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  const mix = (t: number) =>
    "#" +
    rgb
      .map((c) =>
        Math.round(c + (255 - c) * t)
          .toString(16)
          .padStart(2, "0"),
      )
      .join("");
  let lo = 0,
    hi = 1;
  if (relativeLuminance(hex) < MIN_OUTLINE_LUMINANCE) {
    for (let i = 0; i < 20; i++) {
      const mid = (lo + hi) / 2;
      if (relativeLuminance(mix(mid)) >= MIN_OUTLINE_LUMINANCE) hi = mid;
      else lo = mid;
    }
  } else hi = 0;
  const out = mix(hi);
  outlineCache.set(hex, out);
  return out;
}

export function styleKey(style: RegionStyle): string {
  return `${style.stroke}|${style.dashed ? 1 : 0}|${style.filled ? 1 : 0}`;
}

export interface TraceOptions {
  /** Radius of a point or joint, in image pixels (a few screen pixels at the current zoom). */
  readonly pointRadius: number;
  readonly label?: Label | undefined;
}

function dot(path: CanvasPath, x: number, y: number, r: number): void {
  path.moveTo(x + r, y);
  path.arc(x, y, r, 0, Math.PI * 2);
}

/**
 * Adds the shape's outline to a path, in image coordinates. Masks add their crop's outline only
 * when asked (their pixels are drawn as bitmaps, see mask-cache).
 */
export function traceShape(path: CanvasPath, shape: Shape, options: TraceOptions = { pointRadius: 3 }): void {
  switch (shape.kind) {
    case "box":
      path.rect(shape.x, shape.y, shape.w, shape.h);
      return;
    case "mask":
      return;
    case "polygon":
    case "polyline": {
      const p = shape.points;
      path.moveTo(p[0] as number, p[1] as number);
      for (let i = 2; i < p.length; i += 2) path.lineTo(p[i] as number, p[i + 1] as number);
      if (shape.kind === "polygon") path.closePath();
      return;
    }
    case "points":
      for (let i = 0; i < shape.points.length; i += 2)
        dot(path, shape.points[i] as number, shape.points[i + 1] as number, options.pointRadius);
      return;
    case "keypoints": {
      const p = shape.points;
      for (const [a, b] of options.label?.skeleton?.edges ?? []) {
        if (!shape.visibility[a] || !shape.visibility[b]) continue;
        path.moveTo(p[2 * a] as number, p[2 * a + 1] as number);
        path.lineTo(p[2 * b] as number, p[2 * b + 1] as number);
      }
      for (let i = 0; i < shape.visibility.length; i++)
        if (shape.visibility[i]) dot(path, p[2 * i] as number, p[2 * i + 1] as number, options.pointRadius);
      return;
    }
    case "rotated-box": {
      const c = rotatedBoxCorners(shape);
      c.forEach((q, i) => (i === 0 ? path.moveTo(q.x, q.y) : path.lineTo(q.x, q.y)));
      path.closePath();
      return;
    }
    case "ellipse":
      path.moveTo(
        shape.cx + shape.rx * Math.cos((shape.angle * Math.PI) / 180),
        shape.cy + shape.rx * Math.sin((shape.angle * Math.PI) / 180),
      );
      path.ellipse(shape.cx, shape.cy, shape.rx, shape.ry, (shape.angle * Math.PI) / 180, 0, Math.PI * 2);
      return;
  }
}
