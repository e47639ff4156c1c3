import { z } from "zod";
import { AttributeValue, Id } from "./label";
import { maskArea, stringToCounts as countsOf } from "./mask-rle";

/** Shapes in image pixel coordinates (DESIGN §3); angles in degrees, clockwise on screen (y down). */
const Coordinate = z.number().finite();
const Angle = z.number().finite().min(0).lt(360);
const FlatPoints = (minVertices: number) =>
  z
    .array(Coordinate)
    .min(2 * minVertices)
    .max(200_000)
    .refine((p) => p.length % 2 === 0, "points must be x,y pairs");

/**
 * Where a shape came from: a human, or a model's first guess. For a guess, `edited` says a human
 * changed it and `accepted` that a human confirmed it unchanged (accept-all); neither means
 * nobody looked at it.
 */
export const ShapeSource = z.object({
  kind: z.enum(["human", "model"]),
  model: z.string().max(128).optional(),
  score: z.number().min(0).max(1).optional(),
  edited: z.boolean().optional(),
  accepted: z.boolean().optional(),
});
export type ShapeSource = z.infer<typeof ShapeSource>;

const ShapeCommon = {
  id: Id,
  label: Id,
  source: ShapeSource.optional(),
  hidden: z.boolean().optional(),
  locked: z.boolean().optional(),
  /** Values of the label's attributes, by attribute id. */
  attributes: z.record(Id, AttributeValue).optional(),
};

export const BoxShape = z.object({
  ...ShapeCommon,
  kind: z.literal("box"),
  x: Coordinate,
  y: Coordinate,
  w: Coordinate.nonnegative(),
  h: Coordinate.nonnegative(),
});
export type BoxShape = z.infer<typeof BoxShape>;

/** Flat [x0, y0, x1, y1, ...]; closed, at least three vertices. */
export const PolygonShape = z.object({ ...ShapeCommon, kind: z.literal("polygon"), points: FlatPoints(3) });
export type PolygonShape = z.infer<typeof PolygonShape>;

/** An open path: at least two vertices, never closed. */
export const PolylineShape = z.object({ ...ShapeCommon, kind: z.literal("polyline"), points: FlatPoints(2) });
export type PolylineShape = z.infer<typeof PolylineShape>;

/** One or more loose points of one label (CVAT's points). */
export const PointsShape = z.object({ ...ShapeCommon, kind: z.literal("points"), points: FlatPoints(1) });
export type PointsShape = z.infer<typeof PointsShape>;

/**
 * A skeleton instance: one x,y per joint of the label's skeleton, in its joint order, and COCO's
 * visibility per joint: 2 visible, 1 occluded (placed but hidden), 0 absent (not placed; its
 * x,y are 0,0 as in COCO).
 */
export const KeypointsShape = z
  .object({
    ...ShapeCommon,
    kind: z.literal("keypoints"),
    points: FlatPoints(1),
    visibility: z
      .array(z.union([z.literal(0), z.literal(1), z.literal(2)]))
      .min(1)
      .max(64),
  })
  .refine((s) => s.points.length === 2 * s.visibility.length, "keypoints need one x,y per visibility flag");
export type KeypointsShape = z.infer<typeof KeypointsShape>;

/**
 * A binary mask over the integer crop rectangle x, y, w, h: `counts` is COCO compressed RLE of
 * that crop (column-major). Exports expand it to the whole image.
 */
export const MaskShape = z
  .object({
    ...ShapeCommon,
    kind: z.literal("mask"),
    x: z.number().int().nonnegative(),
    y: z.number().int().nonnegative(),
    w: z.number().int().positive().max(65_536),
    h: z.number().int().positive().max(65_536),
    counts: z
      .string()
      .max(16_000_000)
      .regex(/^[0-o]*$/, "counts must be COCO compressed RLE"),
  })
  .superRefine((s, ctx) => {
    try {
      const area = maskArea(s.counts);
      let total = 0;
      for (const run of countsOf(s.counts)) total += run;
      if (total !== s.w * s.h)
        ctx.addIssue({ code: "custom", message: `mask runs cover ${total} pixels, not ${s.w}×${s.h}` });
      else if (area === 0) ctx.addIssue({ code: "custom", message: "a mask must set at least one pixel" });
    } catch (e) {
      ctx.addIssue({ code: "custom", message: e instanceof Error ? e.message : "unreadable mask" });
    }
  });
export type MaskShape = z.infer<typeof MaskShape>;

/** A box turned by `angle` degrees about its centre (CVAT's rotation, clockwise). */
export const RotatedBoxShape = z.object({
  ...ShapeCommon,
  kind: z.literal("rotated-box"),
  cx: Coordinate,
  cy: Coordinate,
  w: Coordinate.nonnegative(),
  h: Coordinate.nonnegative(),
  angle: Angle,
});
export type RotatedBoxShape = z.infer<typeof RotatedBoxShape>;

/** An ellipse with radii rx, ry turned by `angle` degrees about its centre. */
export const EllipseShape = z.object({
  ...ShapeCommon,
  kind: z.literal("ellipse"),
  cx: Coordinate,
  cy: Coordinate,
  rx: Coordinate.nonnegative(),
  ry: Coordinate.nonnegative(),
  angle: Angle,
});
export type EllipseShape = z.infer<typeof EllipseShape>;

export const Shape = z.discriminatedUnion("kind", [
  BoxShape,
  PolygonShape,
  PolylineShape,
  PointsShape,
  KeypointsShape,
  MaskShape,
  RotatedBoxShape,
  EllipseShape,
]);
export type Shape = z.infer<typeof Shape>;

/** Shapes whose geometry is a flat vertex list. */
export type VertexShape = PolygonShape | PolylineShape | PointsShape | KeypointsShape;
