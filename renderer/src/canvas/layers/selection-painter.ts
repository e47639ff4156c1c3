import type { Shape } from "../../../../shared/annotation";
import { shapeHandles } from "../geometry/handles";
import { shapeBounds } from "../geometry/shape-geometry";
import { maskRaster } from "../regions/mask-cache";
import { HANDLE_PX, POINT_RADIUS_PX, ROTATION_HANDLE_OFFSET_PX } from "../geometry/paint-constants";
import { toScreen } from "../geometry/viewport";
import type { Editor } from "../editor/editor";
import { MAX_SHAPES_WITH_HANDLES } from "../../tools/edit-gestures";
import { HALO_COLOR, HALO_EXTRA_PX, MASK_ALPHA, outlineColor, regionStyle, traceShape } from "../regions/region-style";
import { handlesOf } from "../geometry/shape-handles";
import { fitTag, TAG_HEIGHT_PX, TAG_PAD_PX } from "../regions/label-tag";

const SELECTION_COLOR = "#ffffff";

/**
 * The selected shapes, drawn uncull'd with their handles and label tags. This layer redraws on
 * every drag step; it holds only the selection, so that costs the same at 10 or 10,000 shapes.
 */
export function paintSelection(ctx: CanvasRenderingContext2D, editor: Editor): boolean {
  const vp = editor.viewport;
  const shapes: Shape[] = [];
  for (const id of editor.selection()) {
    const shape = editor.store.get(id);
    if (shape && !shape.hidden) shapes.push(shape);
  }
  if (shapes.length === 0) return false;
  const base = ctx.getTransform();
  ctx.save();
  ctx.setTransform(base.translate(vp.x, vp.y).scale(vp.scale));
  ctx.lineWidth = 2.5 / vp.scale;
  for (const shape of shapes) {
    const label = editor.labelById(shape.label);
    const style = regionStyle(shape, label?.color, true);
    const path = new Path2D();
    if (shape.kind === "mask") {
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(
        maskRaster(shape, label?.color ?? "#ff00ff", Math.min(1, MASK_ALPHA + 0.2)),
        shape.x,
        shape.y,
        shape.w,
        shape.h,
      );
      path.rect(shape.x, shape.y, shape.w, shape.h);
    } else traceShape(path, shape, { pointRadius: POINT_RADIUS_PX / vp.scale, label });
    ctx.fillStyle = style.fill;
    if (style.filled && shape.kind !== "mask") ctx.fill(path);
    // double stroke: a dark halo under the light outline (see region-style)
    ctx.setLineDash([]);
    ctx.lineWidth = (2.5 + HALO_EXTRA_PX) / vp.scale;
    ctx.strokeStyle = HALO_COLOR;
    ctx.stroke(path);
    ctx.lineWidth = 2.5 / vp.scale;
    ctx.strokeStyle = style.stroke;
    ctx.setLineDash(style.dashed ? [6 / vp.scale, 4 / vp.scale] : []);
    ctx.stroke(path);
  }
  ctx.restore();
  if (shapes.length > MAX_SHAPES_WITH_HANDLES) return true;
  ctx.save();
  ctx.setTransform(base);
  ctx.font = "12px system-ui, sans-serif";
  for (const shape of shapes) {
    const locked = shape.locked === true;
    ctx.fillStyle = locked ? "#888888" : SELECTION_COLOR;
    ctx.strokeStyle = "#000000";
    ctx.lineWidth = 1;
    if (!locked)
      for (const p of handlePoints(shape, ROTATION_HANDLE_OFFSET_PX / vp.scale)) {
        const s = toScreen(vp, p);
        ctx.fillRect(s.x - HANDLE_PX / 2, s.y - HANDLE_PX / 2, HANDLE_PX, HANDLE_PX);
        ctx.strokeRect(s.x - HANDLE_PX / 2, s.y - HANDLE_PX / 2, HANDLE_PX, HANDLE_PX);
      }
    const picked = editor.handle?.shapeId === shape.id ? handlesOf(shape)[editor.handle.index] : undefined;
    if (picked && !locked) {
      // the vertex picked by keys: a larger ring, dark then light, so it reads on any image
      const s = toScreen(vp, picked);
      for (const [width, color] of [
        [4, "#000000"],
        [2, "#ffd166"],
      ] as const) {
        ctx.beginPath();
        ctx.arc(s.x, s.y, HANDLE_PX, 0, Math.PI * 2);
        ctx.lineWidth = width;
        ctx.strokeStyle = color;
        ctx.stroke();
      }
      ctx.lineWidth = 1;
      ctx.strokeStyle = "#000000";
      ctx.fillStyle = locked ? "#888888" : SELECTION_COLOR;
    }
    const label = editor.labelById(shape.label);
    const anchor = toScreen(vp, topLeft(shape));
    const tag = `${label?.name ?? shape.label}${locked ? " (locked)" : ""}${shape.source?.kind === "model" ? (shape.source.edited ? " · edited guess" : shape.source.accepted ? " · accepted guess" : " · model guess") : ""}`;
    const placed = fitTag(tag, anchor, editor.viewSize, (t) => ctx.measureText(t).width);
    ctx.fillStyle = outlineColor(label?.color ?? "#ff00ff");
    ctx.fillRect(placed.x, placed.y, placed.w, TAG_HEIGHT_PX);
    ctx.strokeRect(placed.x + 0.5, placed.y + 0.5, placed.w - 1, TAG_HEIGHT_PX - 1);
    ctx.fillStyle = "#000000";
    ctx.fillText(placed.text, placed.x + TAG_PAD_PX, placed.y + 12);
  }
  ctx.restore();
  return true;
}

function handlePoints(shape: Shape, rotateOffset: number): { x: number; y: number }[] {
  return shapeHandles(shape, rotateOffset).map((h) => h.at);
}

function topLeft(shape: Shape): { x: number; y: number } {
  const b = shapeBounds(shape);
  return { x: b.x, y: b.y };
}
