import type { Shape } from "../../../../shared/annotation";
import type { Rect } from "../geometry/rect";
import type { Viewport } from "../geometry/viewport";
import { visibleImageRect } from "../geometry/viewport";
import type { Editor } from "../editor/editor";
import type { SnapshotFrame } from "./shape-painting";
import { paintShapes } from "./shape-painting";
import { SnapshotClient } from "./snapshot-client";
import type { SnapshotReply } from "./snapshot-protocol";

/** The settled shapes rendered once into a bitmap a margin larger than the view. */
interface Snapshot extends SnapshotFrame {
  /** Drawn here (a frame had to render) or by the worker (a transferred bitmap). */
  readonly source: OffscreenCanvas | ImageBitmap;
  readonly count: number;
}

/** Margin around the view kept in the snapshot, as a fraction of the view on each side. */
const CULL_MARGIN = 0.25;
/** How long the view must rest after a zoom before the snapshot is re-rendered crisp. */
const ZOOM_SETTLE_MS = 120;
/** How far a zoom may stretch the snapshot before a frame must re-render it anyway. */
const MAX_STRETCH = 3;
/**
 * When a pan leaves less than this share of the margin ahead of it, the worker is asked for the
 * next snapshot: as soon as the view is a margin from the edge, so the worker has a whole margin's
 * frames to finish (~0.45 s at 12 px a frame on a 1280 px view), and while a pan goes on the
 * worker renders continuously, one snapshot per LEAD margins of travel.
 */
const PRERENDER_AT = 1;
/** How far ahead of the view, in the pan's direction, the next snapshot is centred (share of the margin). */
const LEAD = 0.8;

/** The next snapshot, asked of the worker. */
interface Pending {
  readonly id: number;
  readonly frame: SnapshotFrame;
  /** The invalidation count it was asked at: any change to what is drawn makes it stale. */
  readonly generation: number;
}

/**
 * Paints the shapes not being edited (those live on the selection layer and are never culled).
 * They are rendered into a snapshot bitmap a margin larger than the view; a pan frame is then one
 * blit, and a zoom frame one scaled blit until the zoom settles. The snapshot is re-rendered in a
 * frame when the document changes outside the selection, the selection changes, or a zoom leaves
 * it short of the view; a pan's next snapshot is rendered ahead of it by a worker (map renderers'
 * way): frames go on blitting, and if the pan outruns the worker, the frames show the old snapshot
 * (an edge strip without shapes) until the new one arrives, rather than stall to render it.
 */
export class SettledPainter {
  private snapshot: Snapshot | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Snapshot renders so far, in frames or by the worker (benchmarks report them). */
  renders = 0;
  /** Renders a frame had to do itself, on the UI thread. */
  inlineRenders = 0;
  /** Worker snapshots swapped in. */
  prerendered = 0;
  /** Worker snapshots drawn by scrolling the last one (only the uncovered strips drawn). */
  scrolled = 0;
  /** Frames of a pan that showed an edge without shapes while the worker caught up. */
  uncoveredFrames = 0;
  /** Rendering ahead in the worker on (off: every re-render happens in a frame; the bench compares). */
  background = true;
  /** Why the worker stopped drawing, if it did (tests print it). */
  workerError: string | null = null;
  private client: SnapshotClient | null = null;
  private clientStarting = false;
  private pending: Pending | null = null;
  private ready: Snapshot | null = null;
  /** A canvas a worker snapshot replaced: the next render in a frame draws into it. */
  private spare: OffscreenCanvas | null = null;
  private generation = 0;
  private lastVp: Viewport | null = null;
  private heading: { x: number; y: number } | null = null;
  /** Where the last frame put the snapshot, in CSS pixels of the view (tests check it covers the view). */
  lastBlit: { x: number; y: number; width: number; height: number } | null = null;
  /**
   * Shapes being edited: left out of the snapshot and drawn by the selection layer instead.
   * Merely selected shapes stay in it, so a click that selects costs no re-render.
   */
  private readonly excluded = new Set<string>();
  /** Bumped by dispose: a worker start scheduled before it is not made (React may remount the stage). */
  private epoch = 0;

  constructor(private readonly requestRedraw: () => void) {}

  invalidate(): void {
    this.replace(null);
    this.dropBackground();
  }

  private dropBackground(): void {
    this.generation++;
    this.pending = null;
    this.ready = this.close(this.ready);
  }

  /** True while the worker is rendering or its snapshot waits for a frame (tests wait for it). */
  get prerendering(): boolean {
    return this.pending !== null || this.ready !== null;
  }

  /** Whether the snapshot on screen came from the worker (tests read it). */
  get fromWorker(): boolean {
    return this.snapshot !== null && !(this.snapshot.source instanceof OffscreenCanvas);
  }

  /** Takes shapes that are about to change under the pointer out of the snapshot. */
  exclude(ids: Iterable<string>): boolean {
    let changed = false;
    for (const id of ids) {
      if (this.excluded.has(id)) continue;
      this.excluded.add(id);
      changed = true;
    }
    if (changed) this.excludedChanged();
    return changed;
  }

  /** Puts edited shapes that left the selection back into the snapshot. */
  release(selection: ReadonlySet<string>): boolean {
    let changed = false;
    for (const id of this.excluded) if (!selection.has(id)) changed = this.excluded.delete(id) || changed;
    if (changed) this.excludedChanged();
    return changed;
  }

  private excludedChanged(): void {
    this.client?.exclude(this.excluded);
    this.invalidate();
  }

  /** New shapes are on top of everything: drawn onto the snapshot, no re-render needed. */
  append(editor: Editor, shapes: readonly Shape[]): void {
    this.dropBackground(); // it was asked for without them
    const snap = this.snapshot;
    if (!snap) return;
    const canvas = this.ownCanvas(snap);
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    paintShapes(ctx, snap, shapes, (id) => editor.labelById(id), snap.count + shapes.length);
    this.snapshot = { ...snap, source: canvas, count: snap.count + shapes.length };
  }

  /** The snapshot as a canvas that can be drawn on (a worker's bitmap is copied into one). */
  private ownCanvas(snap: Snapshot): OffscreenCanvas {
    if (snap.source instanceof OffscreenCanvas) return snap.source;
    const canvas = this.canvasOfSize(snap.source.width, snap.source.height);
    const ctx = canvas.getContext("2d");
    ctx?.setTransform(1, 0, 0, 1, 0, 0);
    ctx?.clearRect(0, 0, canvas.width, canvas.height);
    ctx?.drawImage(snap.source, 0, 0);
    snap.source.close();
    return canvas;
  }

  private canvasOfSize(width: number, height: number): OffscreenCanvas {
    const spare = this.spare;
    this.spare = null;
    return spare?.width === width && spare.height === height ? spare : new OffscreenCanvas(width, height);
  }

  /** Puts a snapshot on screen; the one it replaces is freed (a bitmap) or kept to draw into (a canvas). */
  private replace(next: Snapshot | null): void {
    const old = this.snapshot;
    this.snapshot = next;
    if (!old || old.source === next?.source) return;
    if (old.source instanceof OffscreenCanvas) this.spare = old.source;
    else old.source.close();
  }

  private close(snap: Snapshot | null): null {
    if (snap && !(snap.source instanceof OffscreenCanvas)) snap.source.close();
    return null;
  }

  /** Shapes in the current snapshot (benchmarks and tests read it). */
  get paintedCount(): number {
    return this.snapshot?.count ?? 0;
  }

  dispose(): void {
    this.epoch++;
    clearTimeout(this.settleTimer);
    this.client?.dispose();
    this.client = null;
    this.clientStarting = false;
    this.dropBackground();
  }

  /** The snapshot's frame and pixel size for a view at `vp`. */
  private frameAt(
    editor: Editor,
    vp: Viewport,
    pixelRatio: number,
  ): { frame: SnapshotFrame; width: number; height: number } {
    const view = editor.viewSize;
    const marginX = Math.ceil(view.width * CULL_MARGIN);
    const marginY = Math.ceil(view.height * CULL_MARGIN);
    return {
      frame: { vp, marginX, marginY, pixelRatio },
      width: Math.ceil((view.width + 2 * marginX) * pixelRatio),
      height: Math.ceil((view.height + 2 * marginY) * pixelRatio),
    };
  }

  /** Renders the snapshot for the current view in this frame, on the UI thread. */
  private render(editor: Editor, pixelRatio: number): Snapshot {
    this.renders++;
    this.inlineRenders++;
    const { frame, width, height } = this.frameAt(editor, editor.viewport, pixelRatio);
    // the current snapshot's canvas is drawn over (a worker's bitmap is freed when this replaces it)
    const current = this.snapshot?.source;
    if (current instanceof OffscreenCanvas) {
      this.snapshot = null;
      this.spare = current;
    }
    const canvas = this.canvasOfSize(width, height);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D context for the shape snapshot");
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const { vp, marginX, marginY } = frame;
    const area: Rect = visibleImageRect(
      { scale: vp.scale, x: vp.x + marginX, y: vp.y + marginY },
      { width: width / pixelRatio, height: height / pixelRatio },
    );
    const ids = editor.store.index.search(area).sort((a, b) => editor.store.zOf(a) - editor.store.zOf(b));
    const shapes: Shape[] = [];
    for (const id of ids) {
      const shape = editor.store.get(id);
      if (shape && !shape.hidden && !this.excluded.has(id)) shapes.push(shape);
    }
    paintShapes(ctx, frame, shapes, (id) => editor.labelById(id));
    return { ...frame, source: canvas, count: shapes.length };
  }

  /** Starts the worker after the first frame (copying the document into it is not that frame's work). */
  private startClient(editor: Editor): void {
    if (this.client || this.clientStarting || !this.background) return;
    this.clientStarting = true;
    const epoch = this.epoch;
    setTimeout(() => {
      if (epoch !== this.epoch) return;
      this.client = SnapshotClient.start(editor.store, (reply) => this.received(reply));
      if (this.excluded.size > 0) this.client?.exclude(this.excluded);
    }, 0);
  }

  private received(reply: SnapshotReply): void {
    const pending = this.pending;
    if (reply.type === "error") {
      // the worker cannot draw here: frames render themselves, as without one
      this.workerError = reply.message;
      this.background = false;
      this.pending = null;
      return;
    }
    if (!pending || reply.id !== pending.id || pending.generation !== this.generation) {
      reply.bitmap.close();
      return;
    }
    this.pending = null;
    if (reply.scrolled) this.scrolled++;
    this.close(this.ready);
    this.ready = { ...pending.frame, source: reply.bitmap, count: reply.count };
    this.requestRedraw();
  }

  /**
   * Asks the worker for the next snapshot when a pan has used a quarter of the margin ahead of it
   * (the side it moves towards): centred LEAD margins ahead in the pan's direction, so the frames
   * have the rest of the margin to wait for it and the new one has more than a margin ahead.
   */
  private maybePrerender(editor: Editor, snap: Snapshot, behind = false): void {
    const client = this.client;
    if (!this.background || !client || this.pending || this.ready) return;
    const vp = editor.viewport;
    if (vp.scale !== snap.vp.scale) return;
    // the pan's direction in margins; an axis it barely moves along does not count
    const ux = (this.heading?.x ?? 0) / snap.marginX;
    const uy = (this.heading?.y ?? 0) / snap.marginY;
    const most = Math.max(Math.abs(ux), Math.abs(uy));
    if (most === 0) {
      // no direction known (the view jumped): the next snapshot is centred on the view
      if (behind) this.request(client, editor, snap, vp);
      return;
    }
    // the room left ahead on each axis: content moving left (x falling) reveals the right edge
    const at = placement(snap, vp);
    const view = editor.viewSize;
    const aheadX = ux < 0 ? at.x + at.width - view.width : -at.x;
    const aheadY = uy < 0 ? at.y + at.height - view.height : -at.y;
    const shortX = Math.abs(ux) >= most / 4 && aheadX < snap.marginX * PRERENDER_AT;
    const shortY = Math.abs(uy) >= most / 4 && aheadY < snap.marginY * PRERENDER_AT;
    if (!shortX && !shortY && !behind) return;
    const ahead = {
      ...vp,
      x: vp.x + (LEAD * snap.marginX * ux) / most,
      y: vp.y + (LEAD * snap.marginY * uy) / most,
    };
    this.request(client, editor, snap, ahead);
  }

  /**
   * Asks for a snapshot at `vp`, moved onto the current snapshot's device-pixel grid: the worker
   * then reuses the pixels the two share and draws only the strips the pan uncovers.
   */
  private request(client: SnapshotClient, editor: Editor, snap: Snapshot, vp: Viewport): void {
    const pixelRatio = snap.pixelRatio;
    const grid = (to: number, from: number) => from + Math.round((to - from) * pixelRatio) / pixelRatio;
    const onGrid = { ...vp, x: grid(vp.x, snap.vp.x), y: grid(vp.y, snap.vp.y) };
    const { frame, width, height } = this.frameAt(editor, onGrid, pixelRatio);
    this.renders++;
    this.pending = { id: client.render(frame, width, height), frame, generation: this.generation };
  }

  /** The last pan step (view moves between frames at one zoom): where the next snapshot goes. */
  private track(vp: Viewport): void {
    const last = this.lastVp;
    this.lastVp = vp;
    if (!last || last.scale !== vp.scale) {
      this.heading = null;
      return;
    }
    if (vp.x !== last.x || vp.y !== last.y) this.heading = { x: vp.x - last.x, y: vp.y - last.y };
  }

  paint(ctx: CanvasRenderingContext2D, editor: Editor): void {
    const vp = editor.viewport;
    const base = ctx.getTransform();
    const pixelRatio = base.a;
    this.startClient(editor);
    this.track(vp);
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
    const view = editor.viewSize;
    // the worker's snapshot replaces the current one if it is of this zoom and covers the view
    // (or more of it than the current one, which a pan has outrun)
    const ready = this.ready;
    this.ready = null;
    if (ready) {
      const fits = ready.vp.scale === vp.scale && ready.pixelRatio === pixelRatio;
      const shown = fits ? shownShare(placement(ready, vp), view) : 0;
      if (fits && (shown === 1 || !snap || shown > shownShare(placement(snap, vp), view))) {
        this.replace(ready);
        snap = ready;
        this.prerendered++;
      } else this.close(ready);
    }
    // Re-rendered when the scaled, shifted snapshot no longer covers the whole view: a zoom out
    // at an off-centre pointer shrinks it towards the pointer and can uncover an edge long
    // before it has stretched MAX_STRETCH times.
    const scale = snap ? vp.scale / snap.vp.scale : 1;
    const outside =
      !snap ||
      scale > MAX_STRETCH ||
      scale < 1 / MAX_STRETCH ||
      snap.pixelRatio !== pixelRatio ||
      !covers(placement(snap, vp), view);
    // A pan that outran the worker: the frame shows what there is (an edge strip without shapes)
    // and the worker's next snapshot, asked for now if not yet, fills it a few frames later. A
    // jump that leaves most of the view uncovered is rendered here: it would look empty.
    const behind =
      snap !== null &&
      outside &&
      scale === 1 &&
      snap.pixelRatio === pixelRatio &&
      this.background &&
      this.client !== null &&
      shownShare(placement(snap, vp), view) >= 0.5;
    if (snap && behind) {
      this.uncoveredFrames++;
      this.maybePrerender(editor, snap, true);
    } else if (!snap || outside) {
      snap = this.render(editor, pixelRatio);
      this.replace(snap);
    }
    this.maybePrerender(editor, snap);
    const k2 = vp.scale / snap.vp.scale;
    this.lastBlit = placement(snap, vp);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.imageSmoothingEnabled = k2 !== 1;
    const left = (vp.x - (snap.vp.x + snap.marginX) * k2) * pixelRatio;
    const top = (vp.y - (snap.vp.y + snap.marginY) * k2) * pixelRatio;
    ctx.drawImage(snap.source, left, top, snap.source.width * k2, snap.source.height * k2);
    ctx.restore();
  }
}

/** Where a snapshot lands in the current view, in CSS pixels. */
function placement(snap: Snapshot, vp: Viewport): { x: number; y: number; width: number; height: number } {
  const k = vp.scale / snap.vp.scale;
  return {
    x: vp.x - (snap.vp.x + snap.marginX) * k,
    y: vp.y - (snap.vp.y + snap.marginY) * k,
    width: (snap.source.width / snap.pixelRatio) * k,
    height: (snap.source.height / snap.pixelRatio) * k,
  };
}

/** How much of the view's area a placed snapshot covers, 0 to 1. */
function shownShare(
  r: { x: number; y: number; width: number; height: number },
  view: { width: number; height: number },
): number {
  const w = Math.max(0, Math.min(view.width, r.x + r.width) - Math.max(0, r.x));
  const h = Math.max(0, Math.min(view.height, r.y + r.height) - Math.max(0, r.y));
  return (w * h) / Math.max(1, view.width * view.height);
}

/** Whether a placed snapshot covers the whole view (half a pixel of slack for rounding). */
function covers(
  r: { x: number; y: number; width: number; height: number },
  view: { width: number; height: number },
): boolean {
  return r.x <= 0.5 && r.y <= 0.5 && r.x + r.width >= view.width - 0.5 && r.y + r.height >= view.height - 0.5;
}
