import type { AssistReply, AssistRequest } from "./assist-protocol";
import { traceOuterContour } from "../../../shared/annotation/mask-contour";
import { EdgeCost } from "./live-wire";
import type { Pixels } from "./magic-wand";
import { magicWand } from "./magic-wand";
import { fillHoles } from "./mask-ops";
import { simplifyPath, simplifyPolygon } from "./simplify";

/**
 * Assisted drawing off the UI thread: the decrypted image's pixels arrive once (transferred, in
 * memory only) and every wand click or scissors segment is answered here, so a flood fill over
 * 64 megapixels never stalls a frame. Nothing here can reach the network: a worker of the
 * renderer's own origin under its CSP, with no fetch in the code.
 */
let pixels: Pixels | null = null;
let cost: EdgeCost | null = null;

function answer(request: AssistRequest): AssistReply | null {
  if (request.type === "image") {
    pixels = { width: request.width, height: request.height, data: new Uint8ClampedArray(request.pixels) };
    cost = null;
    return null;
  }
  if (!pixels) return { id: request.id, type: "error", message: "the image is not loaded yet" };
  if (request.type === "wand") {
    const region = magicWand(pixels, request.x, request.y, request.tolerance);
    if (!region || !request.polygon) return { id: request.id, type: "wand", region, polygon: null };
    const ring = traceOuterContour(fillHoles(region)).map((v, i) => v + (i % 2 === 0 ? region.x : region.y));
    return { id: request.id, type: "wand", region, polygon: simplifyPolygon(ring, request.simplify) };
  }
  cost ??= new EdgeCost(pixels);
  return {
    id: request.id,
    type: "wire",
    points: simplifyPath(cost.path(request.from[0], request.from[1], request.to[0], request.to[1]), 0.75),
  };
}

/** The worker's global, typed by what is used (the renderer's lib is the DOM's, not the worker's). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AssistRequest>) => void) | null;
  postMessage(message: AssistReply): void;
};

scope.onmessage = (event) => {
  try {
    const reply = answer(event.data);
    if (reply) scope.postMessage(reply);
  } catch (e) {
    const id = "id" in event.data ? event.data.id : -1;
    scope.postMessage({ id, type: "error", message: e instanceof Error ? e.message : String(e) } satisfies AssistReply);
  }
};
