import type { MaskBits, MaskShape, Shape } from "../../../shared/annotation";
import { cropBits, defaultAttributes, encodeMask, maskBitsBounds } from "../../../shared/annotation";
import type { PaintedMask, StoredMask, StrokeBits } from "../assist/mask-paint";
import { paintMask } from "../assist/mask-paint";
import type { Point, Rect } from "../canvas/geometry/rect";
import { clampPoint, unionRects } from "../canvas/geometry/rect";
import { deriveMaskRaster, maskBits, rememberMaskBits } from "../canvas/regions/mask-cache";
import { MaskStroke } from "../canvas/regions/mask-stroke";
import { fillHoles } from "../assist/mask-ops";
import type { Draft, PointerInput, Tool, ToolContext } from "./tool";

export const MIN_BRUSH = 1;
export const MAX_BRUSH = 256;
/** Masks up to this many pixels (a 1024² crop: a few ms) are painted and encoded in a frame; larger in the worker. */
export const SYNC_PIXELS = 1 << 20;

/** What the worker needs of a mask: crop and RLE (never its decoded bits, which stay here). */
function storedMask(shape: MaskShape): StoredMask {
  return { x: shape.x, y: shape.y, w: shape.w, h: shape.h, counts: shape.counts };
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
 * By keys, Space puts the brush down at the keyboard cursor and lifts it (see keyboard-drawing).
 */
export class MaskTool implements Tool {
  readonly id = "mask" as const;
  radius = 12;
  erase = false;
  /** Large masks land in the assist worker (off: on the UI thread, as before; the bench compares). */
  offThread = true;
  private stroke: MaskStroke | null = null;
  /** Lifted strokes the worker is still painting into a large mask, drawn until they land. */
  private readonly landing: Array<{ readonly stroke: MaskStroke; readonly erase: boolean }> = [];
  private landed: Promise<void> = Promise.resolve();
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

  /**
   * Lands a lifted stroke in the document. A mask of up to SYNC_PIXELS lands at once; a larger
   * one (painting into an 8192² mask means decoding, copying and encoding 64 megapixels) is
   * painted and encoded in the assist worker while its stroke stays on the drawing layer, and
   * lands when the worker answers. Strokes land in the order they were drawn; each finds its
   * target when the one before it has landed, as if it had landed at once.
   */
  private commit(stroke: MaskStroke): void {
    const bits = stroke.bits();
    if (!bits) return;
    const erase = this.erase;
    const assist = this.offThread ? this.ctx.assist : null;
    if (this.landing.length === 0) {
      const area = this.area(bits, erase);
      if (!area) return;
      if (!assist || area.w * area.h <= SYNC_PIXELS) {
        const target = this.target();
        const painted = paintMask(target, area, bits, erase ? 0 : 1, target ? maskBits(target) : undefined);
        this.land(target, painted, bits, erase);
        return;
      }
    }
    const entry = { stroke, erase };
    this.landing.push(entry);
    this.landed = this.landed
      .then(async () => {
        // the target is read when the strokes before have landed, and again if it changed meanwhile
        for (;;) {
          const area = this.area(bits, erase);
          if (!area) return;
          const target = this.target();
          const value = erase ? 0 : 1;
          const painted =
            assist && area.w * area.h > SYNC_PIXELS
              ? await assist.paintMask(target && storedMask(target), area, { ...bits, data: bits.data.slice() }, value)
              : paintMask(target, area, bits, value, target ? maskBits(target) : undefined);
          if (this.target() !== target) continue;
          this.land(target, painted, bits, erase);
          return;
        }
      })
      .catch((error: unknown) => {
        this.ctx.announce(`The stroke was not saved: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        this.landing.splice(this.landing.indexOf(entry), 1);
        this.ctx.redrawDraft();
      });
  }

  /** The rectangle the stroke changes in: the target's crop (widened to the stroke when painting). */
  private area(bits: StrokeBits, erase: boolean): Rect | null {
    const target = this.target();
    if (erase) return target && { x: target.x, y: target.y, w: target.w, h: target.h };
    return unionRects(target ? [target, bits] : [bits]);
  }

  private land(target: MaskShape | null, painted: PaintedMask | null, dirty: Rect, erase: boolean): void {
    const next = painted && this.shapeFrom(target, painted);
    if (target && next) deriveMaskRaster(next, target, dirty);
    if (!target) {
      if (next) this.ctx.addShapes([next]); // which says "Mask added: …"
      return;
    }
    this.replace(target, next);
    const name = this.ctx.store.labels.find((l) => l.id === target.label)?.name ?? target.label;
    this.ctx.announce(
      !next
        ? `Mask ${name} erased away`
        : `${erase ? "Erased from" : "Painted into"} mask ${name}, now ${next.w} × ${next.h} px at ${next.x}, ${next.y}`,
    );
  }

  /** The new version of the target, or a new mask of the active label, holding `painted`. */
  private shapeFrom(target: MaskShape | null, painted: PaintedMask): MaskShape {
    const { bits, ...placed } = painted;
    let shape: MaskShape;
    if (target) {
      shape = { ...target, ...placed };
      // flagged here, not by editShapes, so the bits below stay with the object the store keeps
      if (shape.source?.kind === "model" && !shape.source.edited)
        shape = { ...shape, source: { ...shape.source, edited: true } };
    } else {
      const label = this.ctx.activeLabel();
      const attributes = defaultAttributes(label);
      shape = {
        id: this.ctx.newShapeId(),
        kind: "mask",
        label: label.id,
        source: { kind: "human" },
        ...(attributes ? { attributes } : {}),
        ...placed,
      };
    }
    rememberMaskBits(shape, bits);
    return shape;
  }

  private replace(target: MaskShape, next: MaskShape | null): void {
    this.ctx.history.commit();
    if (next) this.ctx.editShapes([next]);
    else this.ctx.store.remove([target.id]);
  }

  /** Resolves when every lifted stroke is in the document (saving and submitting wait for it). */
  settled(): Promise<void> {
    return this.landed;
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

  /** Enter lifts the brush, as Space does. */
  finish(): boolean {
    if (!this.stroke) return false;
    this.up();
    return true;
  }

  removeLast(): boolean {
    return this.cancel();
  }

  draft(): Draft | null {
    const label = this.target()?.label ?? this.ctx.activeLabel().id;
    if (this.stroke || this.landing.length > 0)
      return {
        kind: "mask",
        tiles: this.stroke?.tileList() ?? [],
        erase: this.erase,
        label,
        landing: this.landing.map((l) => ({ tiles: l.stroke.tileList(), erase: l.erase })),
      };
    return this.hover ? { kind: "brush", at: this.hover, radius: this.radius, erase: this.erase, label } : null;
  }

  busy(): boolean {
    return this.stroke !== null;
  }
}
