import type { MaskShape, Shape } from "../../../../shared/annotation";
import { MASK_ALPHA } from "../regions/region-style";
import { maskRaster } from "../regions/mask-cache";
import { POINT_RADIUS_PX } from "../geometry/paint-constants";
import type { Rect } from "../geometry/rect";
import type { Viewport } from "../geometry/viewport";
import { visibleImageRect } from "../geometry/viewport";
import { shapeBounds } from "../geometry/shape-geometry";
import type { Editor } from "../editor/editor";
import type { RegionStyle } from "../regions/region-style";
import { HALO_COLOR, HALO_EXTRA_PX, outlineColor, regionStyle, styleKey, traceShape } from "../regions/region-style";
import { labelTag, tagAnchor } from "../regions/label-tag";

interface Batch {
  readonly style: RegionStyle;
  readonly path: Path2D;
}

/** Masks are bitmaps, drawn under the outlines in z order among themselves. */
type Masks = Array<{ readonly shape: MaskShape; readonly color: string }>;

/** The settled shapes rendered once into a bitmap a margin larger than the view. */
interface Snapshot {
  readonly canvas: OffscreenCanvas;
  readonly vp: Viewport;
  readonly marginX: number;
  readonly marginY: number;
  readonly pixelRatio: number;
  readonly count: number;
}

/** Margin around the view kept in the snapshot, as a fraction of the view on each side. */
const CULL_MARGIN = 0.25;
/** Above this many shapes in view, label tags are left out (unreadable, and text is slow). */
const TAG_LIMIT = 400;
/** Above this many shapes in view, fills are left out: at that density they are noise, and
 *  filling thousands of translucent paths is what software rasterisers are slowest at. */
const FILL_LIMIT = 2_000;
/** How long the view must rest after a zoom before the snapshot is re-rendered crisp. */
const ZOOM_SETTLE_MS = 120;
/** How far a zoom may stretch the snapshot before a frame must re-render it anyway. */
const MAX_STRETCH = 3;
/**
 * When a pan leaves less than this share of the margin on some side, the next snapshot starts
 * in the background (placed half a margin ahead, so the side behind keeps more than this).
 */
const PRERENDER_AT = 0.4;
/** Milliseconds of background rendering per task: frames go on in between. */
const SLICE_MS = 6;

/** The next snapshot, rendered a slice of shapes per task off the interaction path. */
interface Pending {
  /** Where it will sit; the canvas and the shapes are found by the first background task. */
  readonly vp: Viewport;
  readonly pixelRatio: number;
  work: { readonly snap: Snapshot; readonly shapes: readonly Shape[] } | null;
  next: number;
  /** The invalidation count it started from: any change to what is drawn makes it stale. */
  readonly generation: number;
}

/**
 * Paints the shapes not being edited (those live on the selection layer and are never culled). Shapes in a widened viewport come from the R-tree, batched into one Path2D per
 * colour, and are rendered into a snapshot bitmap; a pan frame is then one blit, and a zoom
 * frame one scaled blit until the zoom settles. The snapshot is re-rendered when the document
 * changes outside the selection, the selection changes, or the view leaves the margin.
 */
export class SettledPainter {
  private snapshot: Snapshot | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Snapshot renders so far, in frames or in the background (benchmarks report them). */
  renders = 0;
  /** Renders a frame had to wait for: the view left the snapshot before the next one was ready. */
  inlineRenders = 0;
  /** Background snapshots swapped in. */
  prerendered = 0;
  /** Background pre-rendering on (off: every re-render happens in a frame; the bench compares). */
  background = true;
  private pending: Pending | null = null;
  /** The canvas of the snapshot a background one replaced: the next background render draws into it. */
  private spare: OffscreenCanvas | null = null;
  private ready: Snapshot | null = null;
  private generation = 0;
  /** Where the last frame put the snapshot, in CSS pixels of the view (tests check it covers the view). */
  lastBlit: { x: number; y: number; width: number; height: number } | null = null;
  /**
   * Shapes being edited: left out of the snapshot and drawn by the selection layer instead.
   * Merely selected shapes stay in it, so a click that selects costs no re-render.
   */
  private readonly excluded = new Set<string>();

  constructor(private readonly requestRedraw: () => void) {}

  invalidate(): void {
    this.snapshot = null;
    this.dropBackground();
  }

  private dropBackground(): void {
    this.generation++;
    this.pending = null;
    this.ready = null;
  }

  /** True while a background snapshot is being rendered (tests wait for it). */
  get prerendering(): boolean {
    return this.pending !== null;
  }

  /** Takes shapes that are about to change under the pointer out of the snapshot. */
  exclude(ids: Iterable<string>): boolean {
    let changed = false;
    for (const id of ids) {
      if (this.excluded.has(id)) continue;
      this.excluded.add(id);
      changed = true;
    }
    if (changed) this.invalidate();
    return changed;
  }

  /** Puts edited shapes that left the selection back into the snapshot. */
  release(selection: ReadonlySet<string>): boolean {
    let changed = false;
    for (const id of this.excluded) if (!selection.has(id)) changed = this.excluded.delete(id) || changed;
    if (changed) this.invalidate();
    return changed;
  }

  /** New shapes are on top of everything: drawn onto the snapshot, no re-render needed. */
  append(editor: Editor, shapes: readonly Shape[]): void {
    this.dropBackground(); // it was started without them
    const snap = this.snapshot;
    const ctx = snap?.canvas.getContext("2d");
    if (!snap || !ctx) return;
    const { batches, masks } = this.batchShapes(editor, shapes, snap.vp.scale);
    this.stroke(ctx, snap, batches, masks, snap.count + shapes.length <= FILL_LIMIT);
    if (snap.count + shapes.length <= TAG_LIMIT) this.tags(ctx, snap, shapes, editor);
    this.snapshot = { ...snap, count: snap.count + shapes.length };
  }

  private stroke(
    ctx: OffscreenCanvasRenderingContext2D,
    snap: Omit<Snapshot, "canvas" | "count">,
    batches: readonly Batch[],
    masks: Masks,
    fill: boolean,
  ): void {
    const { vp, pixelRatio, marginX, marginY } = snap;
    ctx.setTransform(
      pixelRatio * vp.scale,
      0,
      0,
      pixelRatio * vp.scale,
      pixelRatio * (vp.x + marginX),
      pixelRatio * (vp.y + marginY),
    );
    ctx.imageSmoothingEnabled = false;
    for (const { shape, color } of masks)
      ctx.drawImage(maskRaster(shape, color, MASK_ALPHA), shape.x, shape.y, shape.w, shape.h);
    const dash = [6 / vp.scale, 4 / vp.scale];
    if (fill) {
      for (const { style, path } of batches) {
        if (!style.filled) continue;
        ctx.fillStyle = style.fill;
        ctx.fill(path);
      }
    }
    // the dark half of the double stroke, all batches in one path: one extra stroke call per frame
    const halo = new Path2D();
    for (const { path } of batches) halo.addPath(path);
    ctx.setLineDash([]);
    ctx.lineWidth = (1.5 + HALO_EXTRA_PX) / vp.scale;
    ctx.strokeStyle = HALO_COLOR;
    ctx.stroke(halo);
    ctx.lineWidth = 1.5 / vp.scale;
    for (const { style, path } of batches) {
      ctx.strokeStyle = style.stroke;
      ctx.setLineDash(style.dashed ? dash : []);
      ctx.stroke(path);
    }
  }

  /**
   * The label's name (or its initial, on a small shape) in a tag at the shape's top-left corner:
   * the label is read without telling colours apart (deuteranopia makes the demo's red and
   * green the same). Screen-sized text; left out when too many shapes are in view to read.
   */
  private tags(
    ctx: OffscreenCanvasRenderingContext2D,
    snap: Omit<Snapshot, "canvas" | "count">,
    shapes: readonly Shape[],
    editor: Editor,
  ): void {
    const { vp, pixelRatio, marginX, marginY } = snap;
    ctx.save();
    ctx.setTransform(pixelRatio, 0, 0, pixelRatio, pixelRatio * marginX, pixelRatio * marginY);
    ctx.setLineDash([]);
    ctx.font = "11px system-ui, sans-serif";
    ctx.textBaseline = "top";
    for (const shape of shapes) {
      const label = editor.labelById(shape.label);
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

  /** Shapes in the current snapshot (benchmarks and tests read it). */
  get paintedCount(): number {
    return this.snapshot?.count ?? 0;
  }

  dispose(): void {
    clearTimeout(this.settleTimer);
  }

  private render(editor: Editor, pixelRatio: number): Snapshot {
    this.renders++;
    this.inlineRenders++;
    this.dropBackground();
    const { snap, shapes } = this.prepare(editor, editor.viewport, pixelRatio, this.snapshot?.canvas);
    const ctx = snap.canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D context for the shape snapshot");
    this.drawSlice(ctx, snap, editor, shapes, shapes.length);
    return snap;
  }

  /** Draws shapes[from, to) of a snapshot holding `snap.count` shapes; tags once the last is in. */
  private drawSlice(
    ctx: OffscreenCanvasRenderingContext2D,
    snap: Snapshot,
    editor: Editor,
    shapes: readonly Shape[],
    to: number,
    from = 0,
  ): void {
    const slice = from === 0 && to === shapes.length ? shapes : shapes.slice(from, to);
    const { batches, masks } = this.batchShapes(editor, slice, snap.vp.scale);
    this.stroke(ctx, snap, batches, masks, snap.count <= FILL_LIMIT);
    if (to === shapes.length && snap.count <= TAG_LIMIT) this.tags(ctx, snap, shapes, editor);
  }

  /** A cleared canvas for a snapshot at `vp` and the shapes it will hold, in z order. */
  private prepare(
    editor: Editor,
    vp: Viewport,
    pixelRatio: number,
    reuse: OffscreenCanvas | undefined,
  ): { snap: Snapshot; shapes: Shape[] } {
    const view = editor.viewSize;
    const marginX = Math.ceil(view.width * CULL_MARGIN);
    const marginY = Math.ceil(view.height * CULL_MARGIN);
    const width = view.width + 2 * marginX;
    const height = view.height + 2 * marginY;
    const canvas =
      reuse?.width === Math.ceil(width * pixelRatio) && reuse.height === Math.ceil(height * pixelRatio)
        ? reuse
        : new OffscreenCanvas(Math.ceil(width * pixelRatio), Math.ceil(height * pixelRatio));
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D context for the shape snapshot");
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const area: Rect = visibleImageRect({ scale: vp.scale, x: vp.x + marginX, y: vp.y + marginY }, { width, height });
    const ids = editor.store.index.search(area).sort((a, b) => editor.store.zOf(a) - editor.store.zOf(b));
    const shapes: Shape[] = [];
    for (const id of ids) {
      const shape = editor.store.get(id);
      if (shape && !shape.hidden && !this.excluded.has(id)) shapes.push(shape);
    }
    return { snap: { canvas, vp, marginX, marginY, pixelRatio, count: shapes.length }, shapes };
  }

  /**
   * Starts the next snapshot in the background when a pan has used most of the margin on a side:
   * placed ahead of the pan (by the way it has come, up to half the margin), drawn a slice per
   * task between frames, and swapped in by the first frame after it is done.
   */
  private maybePrerender(editor: Editor, snap: Snapshot): void {
    if (!this.background || this.pending || this.ready) return;
    const vp = editor.viewport;
    if (vp.scale !== snap.vp.scale) return;
    // how far the view can still move each way before it uncovers an edge of the snapshot
    const at = placement(snap, vp);
    const view = editor.viewSize;
    const roomX = Math.min(-at.x, at.x + at.width - view.width);
    const roomY = Math.min(-at.y, at.y + at.height - view.height);
    if (roomX >= snap.marginX * PRERENDER_AT && roomY >= snap.marginY * PRERENDER_AT) return;
    const dx = vp.x - snap.vp.x;
    const dy = vp.y - snap.vp.y;
    const lead = (d: number, margin: number) => Math.max(-margin / 2, Math.min(margin / 2, d));
    const ahead = { ...vp, x: vp.x + lead(dx, snap.marginX), y: vp.y + lead(dy, snap.marginY) };
    this.renders++;
    const pending: Pending = {
      vp: ahead,
      pixelRatio: snap.pixelRatio,
      work: null,
      next: 0,
      generation: this.generation,
    };
    this.pending = pending;
    const step = () => {
      if (this.pending !== pending || pending.generation !== this.generation) return;
      const until = performance.now() + SLICE_MS;
      if (!pending.work) {
        pending.work = this.prepare(editor, pending.vp, pending.pixelRatio, this.spare ?? undefined);
        this.spare = null;
      }
      const { snap: next, shapes } = pending.work;
      const ctx = next.canvas.getContext("2d");
      if (!ctx) return;
      while (pending.next < shapes.length && performance.now() < until) {
        const to = Math.min(shapes.length, pending.next + 256);
        this.drawSlice(ctx, next, editor, shapes, to, pending.next);
        pending.next = to;
      }
      if (pending.next < shapes.length) {
        setTimeout(step, 0);
        return;
      }
      this.pending = null;
      this.ready = next;
      this.requestRedraw();
    };
    setTimeout(step, 0);
  }

  private batchShapes(editor: Editor, shapes: readonly Shape[], scale: number): { batches: Batch[]; masks: Masks } {
    const batches = new Map<string, Batch>();
    const masks: Masks = [];
    const pointRadius = POINT_RADIUS_PX / scale;
    for (const shape of shapes) {
      if (shape.hidden) continue;
      const label = editor.labelById(shape.label);
      const style = regionStyle(shape, label?.color);
      if (shape.kind === "mask") {
        masks.push({ shape, color: label?.color ?? "#ff00ff" });
        continue;
      }
      const key = styleKey(style);
      let batch = batches.get(key);
      if (!batch) batches.set(key, (batch = { style, path: new Path2D() }));
      traceShape(batch.path, shape, { pointRadius, label });
    }
    return { batches: [...batches.values()], masks };
  }

  paint(ctx: CanvasRenderingContext2D, editor: Editor): void {
    const vp = editor.viewport;
    const base = ctx.getTransform();
    const pixelRatio = base.a;
    let snap = this.snapshot;
    const k = snap ? vp.scale / snap.vp.scale : 1;
    if (snap && k !== 1) {
      // Zooming: reuse the snapshot scaled while the wheel turns, re-render once it rests.
      clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(() => {
        this.invalidate();
        this.requestRedraw();
      }, ZOOM_SETTLE_MS);
    }
    // Re-rendered when the scaled, shifted snapshot no longer covers the whole view: a zoom out
    // at an off-centre pointer shrinks it towards the pointer and can uncover an edge long
    // before it has stretched MAX_STRETCH times.
    const outside =
      !snap ||
      k > MAX_STRETCH ||
      k < 1 / MAX_STRETCH ||
      snap.pixelRatio !== pixelRatio ||
      !covers(placement(snap, vp), editor.viewSize);
    // a background snapshot that is done replaces the current one if it fits this frame
    const ready = this.ready;
    this.ready = null;
    if (
      ready &&
      ready.vp.scale === vp.scale &&
      ready.pixelRatio === pixelRatio &&
      covers(placement(ready, vp), editor.viewSize)
    ) {
      this.spare = snap?.canvas ?? null;
      this.prerendered++;
      snap = this.snapshot = ready;
    } else if (!snap || outside) snap = this.snapshot = this.render(editor, pixelRatio);
    else this.maybePrerender(editor, snap);
    const scale = vp.scale / snap.vp.scale;
    this.lastBlit = placement(snap, vp);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.imageSmoothingEnabled = scale !== 1;
    const left = (vp.x - (snap.vp.x + snap.marginX) * scale) * pixelRatio;
    const top = (vp.y - (snap.vp.y + snap.marginY) * scale) * pixelRatio;
    ctx.drawImage(snap.canvas, left, top, snap.canvas.width * scale, snap.canvas.height * scale);
    ctx.restore();
  }
}

/** Where a snapshot lands in the current view, in CSS pixels. */
function placement(snap: Snapshot, vp: Viewport): { x: number; y: number; width: number; height: number } {
  const k = vp.scale / snap.vp.scale;
  return {
    x: vp.x - (snap.vp.x + snap.marginX) * k,
    y: vp.y - (snap.vp.y + snap.marginY) * k,
    width: (snap.canvas.width / snap.pixelRatio) * k,
    height: (snap.canvas.height / snap.pixelRatio) * k,
  };
}

/** Whether a placed snapshot covers the whole view (half a pixel of slack for rounding). */
function covers(
  r: { x: number; y: number; width: number; height: number },
  view: { width: number; height: number },
): boolean {
  return r.x <= 0.5 && r.y <= 0.5 && r.x + r.width >= view.width - 0.5 && r.y + r.height >= view.height - 0.5;
}
