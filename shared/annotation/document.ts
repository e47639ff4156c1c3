import { z } from "zod";

/**
 * The annotation document of one task, in image pixel coordinates (DESIGN §3).
 * Versioned so that drafts and results written today stay readable tomorrow.
 */
export const ANNOTATION_SCHEMA_VERSION = 1;

const Id = z.string().min(1).max(64);
const Coordinate = z.number().finite();

export const Label = z.object({
  id: Id,
  name: z.string().min(1).max(128),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  hotkey: z.string().max(16).optional(),
  /** What the requester means by this label, shown to workers in the instructions panel. */
  description: z.string().max(1000).optional(),
});
export type Label = z.infer<typeof Label>;

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

export const PolygonShape = z.object({
  ...ShapeCommon,
  kind: z.literal("polygon"),
  /** Flat [x0, y0, x1, y1, ...]; at least three vertices. */
  points: z.array(Coordinate).min(6).refine((p) => p.length % 2 === 0, "points must be x,y pairs"),
});
export type PolygonShape = z.infer<typeof PolygonShape>;

export const Shape = z.discriminatedUnion("kind", [BoxShape, PolygonShape]);
export type Shape = z.infer<typeof Shape>;

export const AnnotationDocument = z.object({
  schema: z.literal(ANNOTATION_SCHEMA_VERSION),
  taskId: z.string().min(1).max(128),
  image: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
  labels: z.array(Label).max(1000),
  shapes: z.array(Shape).max(100_000),
  /** Label ids that apply to the whole image. */
  classes: z.array(Id).max(1000),
  timeSpentMs: z.number().int().nonnegative(),
});
export type AnnotationDocument = z.infer<typeof AnnotationDocument>;

export function emptyDocument(taskId: string, labels: Label[]): AnnotationDocument {
  return { schema: ANNOTATION_SCHEMA_VERSION, taskId, labels, shapes: [], classes: [], timeSpentMs: 0 };
}
