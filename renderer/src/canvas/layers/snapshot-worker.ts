import type { Label, Shape } from "../../../../shared/annotation";
import type { Rect } from "../geometry/rect";
import { ShapeIndex } from "../spatial-index/shape-index";
import type { SnapshotFrame } from "./shape-painting";
import { TAG_LIMIT, paintShapes } from "./shape-painting";
import type { SnapshotReply, SnapshotRequest } from "./snapshot-protocol";

/**
 * Renders settled-shape snapshots off the UI thread. It holds a copy of the document's shapes
 * (kept in step by the painter's diffs) and its own R-tree, draws a requested snapshot into an
 * OffscreenCanvas and hands the pixels back as a transferred ImageBitmap: the drawing calls and
 * the rasterisation (which Chromium defers to the canvas's flush) both happen on this thread, so
 * a pan frame on the UI thread only ever blits.
 */
const shapes = new Map<string, { shape: Shape; z: number }>();
const index = new ShapeIndex();
let labels = new Map<string, Label>();
let excluded = new Set<string>();
/** Bumped by every change to what a snapshot shows: the retained one is only reused within one version. */
let version = 0;
/** The last snapshot's pixels, kept here (the transferred bitmap is the UI thread's). */
let retained: { canvas: OffscreenCanvas; frame: SnapshotFrame; version: number } | null = null;
let out: OffscreenCanvas | null = null;
/** Screen pixels a shape's drawing reaches past its bounds: half the halo, a point's dot, rounding. */
const BLEED_PX = 8;

type Render = Extract<SnapshotRequest, { type: "render" }>;
interface DeviceRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The shapes a snapshot draws in `area` (image pixels), bottom to top. */
function shapesIn(area: Rect): Shape[] {
  const found: Array<{ shape: Shape; z: number }> = [];
  for (const id of index.search(area)) {
    const record = shapes.get(id);
    if (record && !record.shape.hidden && !excluded.has(id)) found.push(record);
  }
  return found.sort((a, b) => a.z - b.z).map((r) => r.shape);
}

/** A rectangle of the snapshot's device pixels, in image pixels. */
function imageRect(frame: SnapshotFrame, r: DeviceRect, bleedPx = 0): Rect {
  const { vp, pixelRatio, marginX, marginY } = frame;
  const x = (r.x / pixelRatio - vp.x - marginX - bleedPx) / vp.scale;
  const y = (r.y / pixelRatio - vp.y - marginY - bleedPx) / vp.scale;
  return { x, y, w: (r.w / pixelRatio + 2 * bleedPx) / vp.scale, h: (r.h / pixelRatio + 2 * bleedPx) / vp.scale };
}

/**
 * How far (whole device pixels) the retained snapshot moves into the requested one, or null when
 * it cannot be reused: something changed, another zoom or size, or a shift off the pixel grid.
 */
function scroll(request: Render): { dx: number; dy: number } | null {
  const old = retained;
  const { frame, width, height } = request;
  if (!old || old.version !== version || old.canvas.width !== width || old.canvas.height !== height) return null;
  if (old.frame.vp.scale !== frame.vp.scale || old.frame.pixelRatio !== frame.pixelRatio) return null;
  if (old.frame.marginX !== frame.marginX || old.frame.marginY !== frame.marginY) return null;
  const dx = (frame.vp.x - old.frame.vp.x) * frame.pixelRatio;
  const dy = (frame.vp.y - old.frame.vp.y) * frame.pixelRatio;
  if (Math.abs(dx - Math.round(dx)) > 1e-3 || Math.abs(dy - Math.round(dy)) > 1e-3) return null;
  if (Math.abs(dx) >= width || Math.abs(dy) >= height) return null;
  return { dx: Math.round(dx), dy: Math.round(dy) };
}

/**
 * Draws the requested snapshot. A pan's next snapshot overlaps the last one: its pixels are moved
 * over (one blit) and only the strips the pan uncovered are drawn (map renderers' scrolled tiles),
 * so a step of a fifth of the view costs about a fifth of a whole render. Strips are clipped on
 * whole device pixels, and shapes are drawn in the same order as a whole render, so the seams
 * cannot be seen.
 */
function render(request: Render): SnapshotReply {
  const { frame, width, height } = request;
  if (out?.width !== width || out.height !== height) out = new OffscreenCanvas(width, height);
  const ctx = out.getContext("2d");
  if (!ctx) throw new Error("no 2D context for the snapshot worker");
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const whole = shapesIn(imageRect(frame, { x: 0, y: 0, w: width, h: height }));
  const shift = whole.length > TAG_LIMIT ? scroll(request) : null; // tags reach far past their shapes
  const labelOf = (id: string) => labels.get(id);
  if (!shift || !retained) paintShapes(ctx, frame, whole, labelOf);
  else {
    const { dx, dy } = shift;
    ctx.drawImage(retained.canvas, dx, dy);
    const strips: DeviceRect[] = [];
    if (dx > 0) strips.push({ x: 0, y: 0, w: dx, h: height });
    if (dx < 0) strips.push({ x: width + dx, y: 0, w: -dx, h: height });
    if (dy > 0) strips.push({ x: 0, y: 0, w: width, h: dy });
    if (dy < 0) strips.push({ x: 0, y: height + dy, w: width, h: -dy });
    for (const strip of strips) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(strip.x, strip.y, strip.w, strip.h);
      ctx.clip();
      paintShapes(ctx, frame, shapesIn(imageRect(frame, strip, BLEED_PX)), labelOf, whole.length);
      ctx.restore();
    }
  }
  // keep these pixels for the next pan step, hand a copy over
  if (retained?.canvas.width !== width || retained.canvas.height !== height)
    retained = { canvas: new OffscreenCanvas(width, height), frame, version };
  const keep = retained.canvas.getContext("2d");
  if (!keep) throw new Error("no 2D context for the snapshot worker");
  keep.setTransform(1, 0, 0, 1, 0, 0);
  keep.clearRect(0, 0, width, height);
  keep.drawImage(out, 0, 0);
  retained = { canvas: retained.canvas, frame, version };
  return {
    type: "rendered",
    id: request.id,
    bitmap: out.transferToImageBitmap(),
    count: whole.length,
    scrolled: shift !== null,
  };
}

function handle(request: SnapshotRequest): SnapshotReply | null {
  switch (request.type) {
    case "labels":
      version++;
      labels = new Map(request.labels.map((l) => [l.id, l]));
      return null;
    case "exclude":
      version++;
      excluded = new Set(request.ids);
      return null;
    case "shapes":
      version++;
      if (request.reset) {
        // a whole document at once: one bulk load of the R-tree, not one insert per shape
        shapes.clear();
        for (const record of request.upsert) shapes.set(record.shape.id, { shape: record.shape, z: record.z });
        index.load(request.upsert.map((r) => r.shape));
        return null;
      }
      for (const id of request.remove) {
        shapes.delete(id);
        index.remove(id);
      }
      for (const record of request.upsert) {
        shapes.set(record.shape.id, { shape: record.shape, z: record.z });
        index.upsert(record.shape);
      }
      return null;
    case "render":
      return render(request);
  }
}

/** The worker's global, typed by what is used (the renderer's lib is the DOM's, not the worker's). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SnapshotRequest>) => void) | null;
  postMessage(message: SnapshotReply, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  try {
    const reply = handle(event.data);
    if (reply?.type === "rendered") scope.postMessage(reply, [reply.bitmap]);
    else if (reply) scope.postMessage(reply);
  } catch (e) {
    const id = event.data.type === "render" ? event.data.id : -1;
    scope.postMessage({ type: "error", id, message: e instanceof Error ? e.message : String(e) });
  }
};
