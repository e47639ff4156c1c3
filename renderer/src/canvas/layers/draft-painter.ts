import { toScreen } from "../geometry/viewport";
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
      ctx.fillRect(a.x, a.y, draft.rect.w * vp.scale, draft.rect.h * vp.scale);
      ctx.strokeRect(a.x, a.y, draft.rect.w * vp.scale, draft.rect.h * vp.scale);
    } else {
      const pts = [];
      for (let i = 0; i < draft.points.length; i += 2) pts.push(toScreen(vp, { x: draft.points[i] as number, y: draft.points[i + 1] as number }));
      ctx.beginPath();
      pts.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
      if (draft.hover) {
        const h = toScreen(vp, draft.hover);
        ctx.lineTo(h.x, h.y);
      }
      ctx.stroke();
      for (const [i, p] of pts.entries()) {
        ctx.beginPath();
        ctx.arc(p.x, p.y, i === 0 && draft.closable ? 7 : 4, 0, Math.PI * 2);
        ctx.fillStyle = i === 0 ? "#ffffff" : color;
        ctx.fill();
        ctx.stroke();
      }
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
