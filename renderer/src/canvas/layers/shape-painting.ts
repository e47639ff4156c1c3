import type { Label, Shape } from "../../../../shared/annotation";
import { MASK_ALPHA } from "../regions/region-style";
import { maskRaster } from "../regions/mask-cache";
import { POINT_RADIUS_PX } from "../geometry/paint-constants";
import type { Viewport } from "../geometry/viewport";
import { shapeBounds } from "../geometry/shape-geometry";
import type { RegionStyle } from "../regions/region-style";
import { HALO_COLOR, HALO_EXTRA_PX, outlineColor, regionStyle, styleKey, traceShape } from "../regions/region-style";
import { labelTag, tagAnchor } from "../regions/label-tag";

/** Above this many shapes in a snapshot, label tags are left out (unreadable, and text is slow). */
export const TAG_LIMIT = 400;
/** Above this many shapes in a snapshot, fills are left out: at that density they are noise, and
 *  filling thousands of translucent paths is what software rasterisers are slowest at. */
export const FILL_LIMIT = 2_000;

/** Where a snapshot bitmap sits: the view's viewport, a margin around the view, its pixel ratio. */
export interface SnapshotFrame {
  readonly vp: Viewport;
  readonly marginX: number;
  readonly marginY: number;
  readonly pixelRatio: number;
}

type Ctx = OffscreenCanvasRenderingContext2D;

/**
 * Draws settled shapes (bottom to top) into a snapshot: fills, then every outline's dark halo,
 * then the light outlines style by style, then label tags. The same code runs on the main thread
 * (a frame that must render) and in the snapshot worker.
 *
 * One call per shape, grouped by style, not one Path2D per style: measured in Chromium's software
 * rasteriser at 20,000 boxes, stroking a few huge multi-contour paths cost ~1.4 s (the stroker
 * outlines every contour into one path and the scan converter walks all its edges on every row),
 * while a strokeRect per box cost ~25 ms and a small path per polygon ~50 ms.
 * `total` is how many shapes the whole snapshot holds (fills and tags depend on it).
 */
export function paintShapes(
  ctx: Ctx,
  frame: SnapshotFrame,
  shapes: readonly Shape[],
  labelOf: (id: string) => Label | undefined,
  total = shapes.length,
): void {
  const { vp, pixelRatio, marginX, marginY } = frame;
  ctx.setTransform(
    pixelRatio * vp.scale,
    0,
    0,
    pixelRatio * vp.scale,
    pixelRatio * (vp.x + marginX),
    pixelRatio * (vp.y + marginY),
  );
  ctx.imageSmoothingEnabled = false;
  const groups = new Map<string, { readonly style: RegionStyle; readonly shapes: Shape[] }>();
  const outlined: Shape[] = [];
  const pointRadius = POINT_RADIUS_PX / vp.scale;
  for (const shape of shapes) {
    if (shape.hidden) continue;
    const label = labelOf(shape.label);
    if (shape.kind === "mask") {
      // masks are bitmaps, drawn under the outlines in z order among themselves
      ctx.drawImage(maskRaster(shape, label?.color ?? "#ff00ff", MASK_ALPHA), shape.x, shape.y, shape.w, shape.h);
      continue;
    }
    const style = regionStyle(shape, label?.color);
    const key = styleKey(style);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { style, shapes: [] }));
    group.shapes.push(shape);
    outlined.push(shape);
  }
  const trace = (shape: Shape, draw: "fill" | "stroke") => {
    if (shape.kind === "box") {
      if (draw === "fill") ctx.fillRect(shape.x, shape.y, shape.w, shape.h);
      else ctx.strokeRect(shape.x, shape.y, shape.w, shape.h);
      return;
    }
    ctx.beginPath();
    traceShape(ctx, shape, { pointRadius, label: labelOf(shape.label) });
    if (draw === "fill") ctx.fill();
    else ctx.stroke();
  };
  // styles in one fixed order, so a snapshot drawn in strips (the worker's scrolled snapshot)
  // overlaps outlines of different labels exactly as one drawn whole
  const styled = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
  if (total <= FILL_LIMIT) {
    for (const { style, shapes: group } of styled) {
      if (!style.filled) continue;
      ctx.fillStyle = style.fill;
      for (const shape of group) trace(shape, "fill");
    }
  }
  ctx.setLineDash([]);
  ctx.lineWidth = (1.5 + HALO_EXTRA_PX) / vp.scale;
  ctx.strokeStyle = HALO_COLOR;
  for (const shape of outlined) trace(shape, "stroke");
  ctx.lineWidth = 1.5 / vp.scale;
  const dash = [6 / vp.scale, 4 / vp.scale];
  for (const { style, shapes: group } of styled) {
    ctx.strokeStyle = style.stroke;
    ctx.setLineDash(style.dashed ? dash : []);
    for (const shape of group) trace(shape, "stroke");
  }
  if (total <= TAG_LIMIT) paintTags(ctx, frame, shapes, labelOf);
}

/**
 * The label's name (or its initial, on a small shape) in a tag at the shape's top-left corner:
 * the label is read without telling colours apart (deuteranopia makes the demo's red and
 * green the same). Screen-sized text; left out when too many shapes are in view to read.
 */
function paintTags(
  ctx: Ctx,
  frame: SnapshotFrame,
  shapes: readonly Shape[],
  labelOf: (id: string) => Label | undefined,
) {
  const { vp, pixelRatio, marginX, marginY } = frame;
  ctx.save();
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, pixelRatio * marginX, pixelRatio * marginY);
  ctx.setLineDash([]);
  ctx.font = "11px system-ui, sans-serif";
  ctx.textBaseline = "top";
  for (const shape of shapes) {
    if (shape.hidden) continue;
    const label = labelOf(shape.label);
    const anchor = tagAnchor(shape);
    const bounds = shapeBounds(shape);
    const text = labelTag(label?.name ?? shape.label, bounds.w * vp.scale);
    if (!text) continue;
    const x = anchor.x * vp.scale + vp.x;
    const y = anchor.y * vp.scale + vp.y;
    const w = ctx.measureText(text).width + 6;
    ctx.fillStyle = outlineColor(label?.color ?? "#ff00ff");
    ctx.fillRect(x, y, w, 14);
    ctx.strokeStyle = HALO_COLOR;
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 0.5, y + 0.5, w - 1, 13);
    ctx.fillStyle = "#000000";
    ctx.fillText(text, x + 3, y + 2);
  }
  ctx.restore();
}
