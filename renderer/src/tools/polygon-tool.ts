import type { PolygonShape } from "../../../shared/annotation";
import { distance } from "../canvas/geometry/rect";
import type { ToolContext } from "./tool";
import { GRAB_RADIUS_PX } from "./tool";
import type { PathDrawing, PathKind } from "./vertex-path-tool";
import { VertexPathTool } from "./vertex-path-tool";

function nearFirstVertex(ctx: ToolContext, points: readonly number[], p: { x: number; y: number }): boolean {
  const first = { x: points[0] as number, y: points[1] as number };
  return points.length >= 6 && distance(first, p) <= GRAB_RADIUS_PX * ctx.pixelsPerScreenPixel();
}

/** Closed paths: Enter or a click on the first vertex (from the third on) closes the polygon. */
export const polygonKind: PathKind = {
  id: "polygon",
  minVertices: 3,
  idleWhenEmpty: true,
  startLabel: (ctx) => ctx.activeLabel(),
  full: () => Infinity,
  closesAt: (ctx, drawing, p) => nearFirstVertex(ctx, drawing.points, p),
  shape: (ctx, { points }: PathDrawing): PolygonShape => ({
    id: ctx.newShapeId(),
    kind: "polygon",
    label: ctx.activeLabel().id,
    points: [...points],
    source: { kind: "human" },
  }),
  draft: (ctx, { points, hover }) => ({
    kind: "polygon",
    points,
    hover,
    closable: hover !== null && nearFirstVertex(ctx, points, hover),
    label: ctx.activeLabel().id,
  }),
};

export class PolygonTool extends VertexPathTool {
  constructor(ctx: ToolContext) {
    super(ctx, polygonKind);
  }
}
