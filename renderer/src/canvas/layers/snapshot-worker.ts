import type { Label, Shape } from "../../../../shared/annotation";
import { visibleImageRect } from "../geometry/viewport";
import { ShapeIndex } from "../spatial-index/shape-index";
import { paintShapes } from "./shape-painting";
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
let canvas: OffscreenCanvas | null = null;

function render(request: Extract<SnapshotRequest, { type: "render" }>): SnapshotReply {
  const { frame, width, height } = request;
  if (canvas?.width !== width || canvas.height !== height) canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D context for the snapshot worker");
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const { vp, marginX, marginY, pixelRatio } = frame;
  const area = visibleImageRect(
    { scale: vp.scale, x: vp.x + marginX, y: vp.y + marginY },
    { width: width / pixelRatio, height: height / pixelRatio },
  );
  const found: Array<{ shape: Shape; z: number }> = [];
  for (const id of index.search(area)) {
    const record = shapes.get(id);
    if (record && !record.shape.hidden && !excluded.has(id)) found.push(record);
  }
  found.sort((a, b) => a.z - b.z);
  paintShapes(
    ctx,
    frame,
    found.map((r) => r.shape),
    (id) => labels.get(id),
  );
  return { type: "rendered", id: request.id, bitmap: canvas.transferToImageBitmap(), count: found.length };
}

function handle(request: SnapshotRequest): SnapshotReply | null {
  switch (request.type) {
    case "labels":
      labels = new Map(request.labels.map((l) => [l.id, l]));
      return null;
    case "exclude":
      excluded = new Set(request.ids);
      return null;
    case "shapes":
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
