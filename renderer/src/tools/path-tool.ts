import type { PointsShape, PolylineShape } from "../../../shared/annotation";
import { defaultAttributes } from "../../../shared/annotation";
import type { ToolContext } from "./tool";
import type { PathKind } from "./vertex-path-tool";
import { VertexPathTool } from "./vertex-path-tool";

/** Open paths (polylines, from 2 vertices) and point sets (from 1): Enter lands them. */
export function openPathKind(id: "polyline" | "points"): PathKind {
  return {
    id,
    minVertices: id === "polyline" ? 2 : 1,
    idleWhenEmpty: true,
    startLabel: (ctx) => ctx.activeLabel(),
    full: () => Infinity,
    closesAt: () => false,
    shape: (ctx, { points }): PolylineShape | PointsShape => {
      const label = ctx.activeLabel();
      const attributes = defaultAttributes(label);
      return {
        id: ctx.newShapeId(),
        kind: id,
        label: label.id,
        points: [...points],
        source: { kind: "human" },
        ...(attributes ? { attributes } : {}),
      };
    },
    draft: (ctx, { points, hover }) => ({
      kind: "polygon",
      points,
      hover: id === "polyline" ? hover : null,
      closable: false,
      label: ctx.activeLabel().id,
      open: true,
      dots: id === "points",
    }),
  };
}

export class PathTool extends VertexPathTool {
  constructor(ctx: ToolContext, id: "polyline" | "points") {
    super(ctx, openPathKind(id));
  }
}
