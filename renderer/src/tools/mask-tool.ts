import type { MaskBits, MaskShape, Shape } from "../../../shared/annotation";
import { cropBits, defaultAttributes, encodeMask, maskBitsBounds } from "../../../shared/annotation";
import type { Point, Rect } from "../canvas/geometry/rect";
import { clampPoint, unionRects } from "../canvas/geometry/rect";
import { maskBits, rememberMaskBits } from "../canvas/regions/mask-cache";
import { MaskStroke } from "../canvas/regions/mask-stroke";
import { fillHoles } from "../assist/mask-ops";
import type { Draft, PointerInput, Tool, ToolContext } from "./tool";

export const MIN_BRUSH = 1;
export const MAX_BRUSH = 256;

/**
 * The bits of `base` (or nothing) widened to `area`, ready to paint into. Pure copy: the
 * document's shape is never mutated, so undo keeps the old version intact.
 */
function widen(base: MaskShape | null, area: Rect): MaskBits {
  const w = Math.max(1, Math.ceil(area.w)),
    h = Math.max(1, Math.ceil(area.h));
  if (!base) return { w, h, data: new Uint8Array(w * h) };
  return cropBits(maskBits(base), area.x - base.x, area.y - base.y, w, h);
}

/** A mask shape for `bits` placed at ox, oy, cropped to what is set; null when nothing is. */
export function maskShapeFrom(
  template: Omit<MaskShape, "x" | "y" | "w" | "h" | "counts">,
  bits: MaskBits,
  ox: number,
  oy: number,
): MaskShape | null {
  const tight = maskBitsBounds(bits);
  if (!tight) return null;
  const cropped = tight.w === bits.w && tight.h === bits.h ? bits : cropBits(bits, tight.x, tight.y, tight.w, tight.h);
  const shape: MaskShape = {
    ...template,
    x: ox + tight.x,
    y: oy + tight.y,
    w: tight.w,
    h: tight.h,
    counts: encodeMask(cropped),
  };
  rememberMaskBits(shape, cropped);
  return shape;
}

/**
 * Brush and eraser for masks. A stroke paints into the selected mask (or a new one of the
 * active label) and lands in the document when the pointer lifts, as one undo step; the
 * eraser only takes pixels away from the selected mask, and a mask erased to nothing goes.
 * Space at the keyboard cursor stamps one dab (one step). Brush size: < and >; E… see actions.
 */
export class MaskTool implements Tool {
  readonly id = "mask" as const;
  radius = 12;
  erase = false;
  private stroke: MaskStroke | null = null;
  private hover: Point | null = null;

  constructor(private readonly ctx: ToolContext) {}

  /** The one selected, editable mask, which strokes paint into. */
  target(): MaskShape | null {
    const ids = [...this.ctx.selection()];
    if (ids.length !== 1) return null;
    const shape = this.ctx.store.get(ids[0] as string);
    return shape?.kind === "mask" && !shape.locked && !shape.hidden ? shape : null;
  }

  setRadius(r: number): void {
    this.radius = Math.max(MIN_BRUSH, Math.min(MAX_BRUSH, Math.round(r)));
  }

  down(input: PointerInput): void {
    const target = this.target();
    if (this.erase && !target) return;
    const color =
      this.ctx.store.labels.find((l) => l.id === (target?.label ?? this.ctx.activeLabel().id))?.color ?? "#ff00ff";
    this.stroke = new MaskStroke(this.ctx.image, this.radius, this.erase ? "#ffffff" : color);
    this.stroke.dab(clampPoint(input.point, this.ctx.image));
  }

  move(input: PointerInput): void {
    this.hover = input.point;
    this.stroke?.dab(clampPoint(input.point, this.ctx.image));
  }

  up(): void {
    const stroke = this.stroke;
    this.stroke = null;
    if (stroke) this.commit(stroke);
  }

  private commit(stroke: MaskStroke): void {
    const painted = stroke.bounds();
    if (!painted) return;
    const target = this.target();
    if (this.erase) {
      if (!target) return;
      const bits = widen(target, target);
      stroke.applyTo(bits, target.x, target.y, 0);
      this.replace(target, maskShapeFrom(target, bits, target.x, target.y));
      return;
    }
    const area = unionRects(target ? [target, painted] : [painted]) as Rect;
    const bits = widen(target, area);
    stroke.applyTo(bits, area.x, area.y, 1);
    if (target) {
      this.replace(target, maskShapeFrom(target, bits, area.x, area.y));
      return;
    }
    const label = this.ctx.activeLabel();
    const attributes = defaultAttributes(label);
    const shape = maskShapeFrom(
      {
        id: this.ctx.newShapeId(),
        kind: "mask",
        label: label.id,
        source: { kind: "human" },
        ...(attributes ? { attributes } : {}),
      },
      bits,
      area.x,
      area.y,
    );
    if (shape) this.ctx.addShapes([shape]);
  }

  private replace(target: MaskShape, next: MaskShape | null): void {
    this.ctx.history.commit();
    if (next) this.ctx.editShapes([next]);
    else this.ctx.store.remove([target.id]);
  }

  /** Fills every hole of the selected mask (one undo step); false when there is no mask or no hole. */
  fillHoles(): boolean {
    const target = this.target() ?? this.selectedMask();
    if (!target) return false;
    const filled = fillHoles(maskBits(target));
    const next = maskShapeFrom(target, filled, target.x, target.y);
    if (!next || next.counts === target.counts) return false;
    this.ctx.history.commit();
    this.ctx.editShapes([next]);
    return true;
  }

  private selectedMask(): MaskShape | null {
    for (const id of this.ctx.selection()) {
      const s: Shape | undefined = this.ctx.store.get(id);
      if (s?.kind === "mask" && !s.locked) return s;
    }
    return null;
  }

  cancel(): boolean {
    const had = this.stroke !== null;
    this.stroke = null;
    return had;
  }

  finish(): boolean {
    return false;
  }

  removeLast(): boolean {
    return this.cancel();
  }

  draft(): Draft | null {
    const label = this.target()?.label ?? this.ctx.activeLabel().id;
    if (this.stroke) return { kind: "mask", tiles: this.stroke.tileList(), erase: this.erase, label };
    return this.hover ? { kind: "brush", at: this.hover, radius: this.radius, erase: this.erase, label } : null;
  }

  busy(): boolean {
    return this.stroke !== null;
  }
}
