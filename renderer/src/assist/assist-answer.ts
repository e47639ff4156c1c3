import type { AssistReply, AssistRequest } from "./assist-protocol";
import { traceOuterContour } from "../../../shared/annotation/mask-contour";
import { EdgeCost } from "./live-wire";
import type { Pixels } from "./magic-wand";
import { magicWand } from "./magic-wand";
import { fillHoles } from "./mask-ops";
import { paintMask } from "./mask-paint";
import { simplifyPath, simplifyPolygon } from "./simplify";

/**
 * The assist protocol's answers, DOM-free: the worker runs them off the UI thread, and tests run
 * the same code in-process. Each answer says which of its buffers to transfer back (not copy).
 */
export class AssistAnswers {
  private pixels: Pixels | null = null;
  private cost: EdgeCost | null = null;

  answer(request: AssistRequest): { reply: AssistReply; transfer: Transferable[] } | null {
    if (request.type === "image") {
      this.pixels = { width: request.width, height: request.height, data: new Uint8ClampedArray(request.pixels) };
      this.cost = null;
      return null;
    }
    if (request.type === "paint") {
      // needs no image: a mask stroke lands without the worker ever holding the picture
      const painted = paintMask(request.base, request.area, request.stroke, request.value);
      if (!painted) return { reply: { id: request.id, type: "paint", mask: null }, transfer: [] };
      const { bits, ...stored } = painted;
      return {
        reply: { id: request.id, type: "paint", mask: { ...stored, data: bits.data } },
        transfer: [bits.data.buffer],
      };
    }
    const pixels = this.pixels;
    if (!pixels)
      return { reply: { id: request.id, type: "error", message: "the image is not loaded yet" }, transfer: [] };
    if (request.type === "wand") {
      const region = magicWand(pixels, request.x, request.y, request.tolerance);
      if (!region || !request.polygon)
        return { reply: { id: request.id, type: "wand", region, polygon: null }, transfer: [] };
      const ring = traceOuterContour(fillHoles(region)).map((v, i) => v + (i % 2 === 0 ? region.x : region.y));
      return {
        reply: { id: request.id, type: "wand", region, polygon: simplifyPolygon(ring, request.simplify) },
        transfer: [],
      };
    }
    this.cost ??= new EdgeCost(pixels);
    const points = simplifyPath(this.cost.path(request.from[0], request.from[1], request.to[0], request.to[1]), 0.75);
    return { reply: { id: request.id, type: "wire", points }, transfer: [] };
  }
}
