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
  const base = color ?? UNKNOWN_LABEL_COLOR;
  return { stroke: outlineColor(base), fill: base + (selected ? SELECTED_FILL_ALPHA : FILL_ALPHA), dashed: isUnreviewedPrelabel(shape) };
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
  const mix = (t: number) => "#" + rgb.map((c) => Math.round(c + (255 - c) * t).toString(16).padStart(2, "0")).join("");
  let lo = 0, hi = 1;
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
