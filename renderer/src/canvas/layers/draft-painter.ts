import { toScreen } from "../geometry/viewport";
import type { Draft } from "../../tools/tool";
import { MASK_ALPHA } from "../regions/region-style";
import type { Editor } from "../editor/editor";

/** The shape being drawn (box, open polygon) or the selection rectangle, in screen pixels. */
export function paintDraft(ctx: CanvasRenderingContext2D, editor: Editor): boolean {
  const draft = editor.tool.draft();
  if (!draft) return false;
  const vp = editor.viewport;
  ctx.save();
  ctx.lineWidth = 1.5;
  if (draft.kind === "marquee") {
    const a = toScreen(vp, draft.rect);
    ctx.setLineDash([4, 3]);
    ctx.strokeStyle = "#ffffff";
    ctx.fillStyle = "rgba(91,156,255,0.12)";
    ctx.fillRect(a.x, a.y, draft.rect.w * vp.scale, draft.rect.h * vp.scale);
    ctx.strokeRect(a.x, a.y, draft.rect.w * vp.scale, draft.rect.h * vp.scale);
  } else {
    const color = editor.labelById(draft.label)?.color ?? "#ffffff";
    ctx.strokeStyle = color;
    ctx.fillStyle = color + "33";
    if (draft.kind === "box") {
      const a = toScreen(vp, draft.rect);
      const w = draft.rect.w * vp.scale,
        h = draft.rect.h * vp.scale;
      if (draft.ellipse) {
        ctx.beginPath();
        ctx.ellipse(a.x + w / 2, a.y + h / 2, w / 2, h / 2, 0, 0, Math.PI * 2);
        ctx.fill();
        ctx.stroke();
      } else {
        ctx.fillRect(a.x, a.y, w, h);
        ctx.strokeRect(a.x, a.y, w, h);
      }
    } else if (draft.kind === "polygon") paintPathDraft(ctx, editor, draft, color);
    else if (draft.kind === "keypoints") paintKeypointsDraft(ctx, editor, draft, color);
    else if (draft.kind === "mask") paintMaskDraft(ctx, editor, draft);
    else {
      const c = toScreen(vp, draft.at);
      ctx.beginPath();
      ctx.arc(c.x, c.y, Math.max(1, draft.radius * vp.scale), 0, Math.PI * 2);
      ctx.setLineDash(draft.erase ? [3, 3] : []);
      ctx.stroke();
    }
  }
  ctx.restore();
  return true;
}

/**
 * The keyboard cursor: a cross with a ring, drawn dark under light so it reads on any image
 * (≥ 3:1 against either), with its position in image pixels.
 */
function paintKeyboardCursor(ctx: CanvasRenderingContext2D, editor: Editor): boolean {
  if (!editor.cursorShown) return false;
  const s = toScreen(editor.viewport, editor.cursor);
  const x = Math.round(s.x) + 0.5;
  const y = Math.round(s.y) + 0.5;
  ctx.save();
  const cross = () => {
    ctx.beginPath();
    ctx.moveTo(x - 14, y);
    ctx.lineTo(x - 4, y);
    ctx.moveTo(x + 4, y);
    ctx.lineTo(x + 14, y);
    ctx.moveTo(x, y - 14);
    ctx.lineTo(x, y - 4);
    ctx.moveTo(x, y + 4);
    ctx.lineTo(x, y + 14);
    ctx.moveTo(x + 7, y);
    ctx.arc(x, y, 7, 0, Math.PI * 2);
  };
  cross();
  ctx.lineWidth = 4;
  ctx.strokeStyle = "#000000";
  ctx.stroke();
  cross();
  ctx.lineWidth = 2;
  ctx.strokeStyle = "#ffd166";
  ctx.stroke();
  ctx.font = "11px ui-monospace, monospace";
  const text = `${Math.round(editor.cursor.x)}, ${Math.round(editor.cursor.y)}`;
  ctx.fillStyle = "rgba(0,0,0,0.8)";
  ctx.fillRect(x + 12, y + 12, ctx.measureText(text).width + 8, 16);
  ctx.fillStyle = "#ffffff";
  ctx.fillText(text, x + 16, y + 24);
  ctx.restore();
  return true;
}

/** Crosshair guides through the pointer and its position in image pixels; the keyboard cursor. */
export function paintOverlay(ctx: CanvasRenderingContext2D, editor: Editor): boolean {
  const keyboard = paintKeyboardCursor(ctx, editor);
  const p = editor.pointer;
  if (editor.cursorShown || !p || !editor.crosshair) return keyboard;
  if (p.x < 0 || p.y < 0 || p.x > editor.image.width || p.y > editor.image.height) return false;
  const s = toScreen(editor.viewport, p);
  const { width, height } = editor.viewSize;
  ctx.save();
  ctx.lineWidth = 1;
  ctx.setLineDash([5, 4]);
  ctx.strokeStyle = "rgba(255,255,255,0.75)";
  ctx.beginPath();
  ctx.moveTo(0, Math.round(s.y) + 0.5);
  ctx.lineTo(width, Math.round(s.y) + 0.5);
  ctx.moveTo(Math.round(s.x) + 0.5, 0);
  ctx.lineTo(Math.round(s.x) + 0.5, height);
  ctx.stroke();
  ctx.font = "11px ui-monospace, monospace";
  const text = `${Math.floor(p.x)}, ${Math.floor(p.y)}`;
  ctx.fillStyle = "rgba(0,0,0,0.6)";
  ctx.fillRect(s.x + 8, s.y + 8, ctx.measureText(text).width + 8, 16);
  ctx.fillStyle = "#ffffff";
  ctx.fillText(text, s.x + 12, s.y + 20);
  ctx.restore();
  return true;
}

type DraftOf<K extends Draft["kind"]> = Extract<Draft, { kind: K }>;

function screenPoints(editor: Editor, flat: readonly number[]): Array<{ x: number; y: number }> {
  const out = [];
  for (let i = 0; i < flat.length; i += 2)
    out.push(toScreen(editor.viewport, { x: flat[i] as number, y: flat[i + 1] as number }));
  return out;
}

/** Polygon, polyline, points or scissors outline being clicked; the live wire dashed. */
function paintPathDraft(ctx: CanvasRenderingContext2D, editor: Editor, draft: DraftOf<"polygon">, color: string): void {
  const pts = screenPoints(editor, draft.points);
  if (!draft.dots) {
    ctx.beginPath();
    pts.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
    if (draft.hover) {
      const h = toScreen(editor.viewport, draft.hover);
      ctx.lineTo(h.x, h.y);
    }
    ctx.stroke();
    if (draft.wire && draft.wire.length > 0) {
      ctx.save();
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      screenPoints(editor, draft.wire).forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
      ctx.stroke();
      ctx.restore();
    }
  }
  // a scissors outline has hundreds of points: dots only at its ends
  const dotted = draft.wire ? [pts[0], pts[pts.length - 1]].filter((p) => p !== undefined) : pts;
  for (const [i, p] of dotted.entries()) {
    ctx.beginPath();
    ctx.arc(p.x, p.y, i === 0 && draft.closable ? 7 : 4, 0, Math.PI * 2);
    ctx.fillStyle = i === 0 && !draft.open ? "#ffffff" : color;
    ctx.fill();
    ctx.stroke();
  }
}

/** The joints placed so far (occluded ones hollow), their bones, and the next joint's name at the pointer. */
function paintKeypointsDraft(
  ctx: CanvasRenderingContext2D,
  editor: Editor,
  draft: DraftOf<"keypoints">,
  color: string,
): void {
  const pts = screenPoints(editor, draft.points);
  const skeleton = editor.labelById(draft.label)?.skeleton;
  ctx.beginPath();
  for (const [a, b] of skeleton?.edges ?? []) {
    const p = pts[a],
      q = pts[b];
    if (!p || !q || !draft.visibility[a] || !draft.visibility[b]) continue;
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(q.x, q.y);
  }
  ctx.stroke();
  pts.forEach((p, i) => {
    if (!draft.visibility[i]) return;
    ctx.beginPath();
    ctx.arc(p.x, p.y, 4, 0, Math.PI * 2);
    ctx.fillStyle = draft.visibility[i] === 1 ? "#00000088" : color;
    ctx.fill();
    ctx.stroke();
  });
  if (draft.hover && draft.next) {
    const h = toScreen(editor.viewport, draft.hover);
    ctx.font = "12px system-ui, sans-serif";
    const text = `next: ${draft.next}`;
    ctx.fillStyle = "rgba(0,0,0,0.7)";
    ctx.fillRect(h.x + 10, h.y - 22, ctx.measureText(text).width + 8, 16);
    ctx.fillStyle = "#ffffff";
    ctx.fillText(text, h.x + 14, h.y - 10);
  }
}

/** The stroke's paint tiles, drawn as they are (the eraser's in white over the mask). */
function paintMaskDraft(ctx: CanvasRenderingContext2D, editor: Editor, draft: DraftOf<"mask">): void {
  const vp = editor.viewport;
  ctx.save();
  ctx.setTransform(ctx.getTransform().translate(vp.x, vp.y).scale(vp.scale));
  ctx.imageSmoothingEnabled = false;
  for (const stroke of [...(draft.landing ?? []), draft]) {
    ctx.globalAlpha = stroke.erase ? 0.6 : MASK_ALPHA + 0.15;
    for (const tile of stroke.tiles) ctx.drawImage(tile.canvas, tile.x, tile.y);
  }
  ctx.restore();
}
