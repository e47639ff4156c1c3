import { z } from "zod";

/**
 * What a campaign defines per label: its colour, which shape kinds it may be drawn as, the
 * attributes a labeller sets on each of its shapes, and, for keypoint labels, the skeleton
 * (COCO's category `keypoints` + `skeleton`, 0-based edges here).
 */
export const Id = z.string().min(1).max(64);

/** Every kind of shape, in the canonical order (toolbars, exports' category order, docs). */
export const SHAPE_KINDS = [
  "box",
  "polygon",
  "polyline",
  "points",
  "keypoints",
  "mask",
  "rotated-box",
  "ellipse",
] as const;
export const ShapeKind = z.enum(SHAPE_KINDS);
export type ShapeKind = z.infer<typeof ShapeKind>;

const AttributeCommon = { id: Id, name: z.string().min(1).max(128) };

/** One attribute a labeller sets on a shape: a checkbox, one of a list, a number or a text. */
export const AttributeSpec = z.discriminatedUnion("type", [
  z.object({ ...AttributeCommon, type: z.literal("checkbox"), default: z.boolean().optional() }),
  z.object({
    ...AttributeCommon,
    type: z.literal("select"),
    options: z.array(z.string().min(1).max(128)).min(1).max(64),
    default: z.string().max(128).optional(),
  }),
  z.object({
    ...AttributeCommon,
    type: z.literal("number"),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    step: z.number().positive().finite().optional(),
    default: z.number().finite().optional(),
  }),
  z.object({
    ...AttributeCommon,
    type: z.literal("text"),
    maxLength: z.number().int().positive().max(1000).optional(),
    default: z.string().max(1000).optional(),
  }),
]);
export type AttributeSpec = z.infer<typeof AttributeSpec>;

export const AttributeValue = z.union([z.boolean(), z.number().finite(), z.string().max(1000)]);
export type AttributeValue = z.infer<typeof AttributeValue>;

/** Named joints and the edges between them (0-based joint indices). */
export const Skeleton = z
  .object({
    joints: z.array(z.string().min(1).max(64)).min(1).max(64),
    edges: z
      .array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]))
      .max(256)
      .default([]),
  })
  .refine((s) => new Set(s.joints).size === s.joints.length, "joint names must be unique")
  .refine(
    (s) => s.edges.every(([a, b]) => a < s.joints.length && b < s.joints.length && a !== b),
    "edges must join two different joints of the skeleton",
  );
export type Skeleton = z.infer<typeof Skeleton>;

export const Label = z.object({
  id: Id,
  name: z.string().min(1).max(128),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  hotkey: z.string().max(16).optional(),
  /** What the requester means by this label, shown to workers in the instructions panel. */
  description: z.string().max(1000).optional(),
  /** Kinds this label may be drawn as; absent means any kind the campaign allows. */
  kinds: z.array(ShapeKind).max(SHAPE_KINDS.length).optional(),
  attributes: z.array(AttributeSpec).max(32).optional(),
  /** Required for keypoint shapes of this label. */
  skeleton: Skeleton.optional(),
});
export type Label = z.infer<typeof Label>;

/** Why a value does not fit its attribute, or null when it does. */
export function attributeProblem(spec: AttributeSpec, value: AttributeValue): string | null {
  switch (spec.type) {
    case "checkbox":
      return typeof value === "boolean" ? null : `${spec.name} must be true or false`;
    case "select":
      return typeof value === "string" && spec.options.includes(value)
        ? null
        : `${spec.name} must be one of ${spec.options.join(", ")}`;
    case "number":
      if (typeof value !== "number") return `${spec.name} must be a number`;
      if (spec.min !== undefined && value < spec.min) return `${spec.name} must be at least ${spec.min}`;
      if (spec.max !== undefined && value > spec.max) return `${spec.name} must be at most ${spec.max}`;
      return null;
    case "text":
      return typeof value === "string" && value.length <= (spec.maxLength ?? 1000)
        ? null
        : `${spec.name} must be a text of at most ${spec.maxLength ?? 1000} characters`;
  }
}

/** The value a new shape of this label starts with, per attribute that has one. */
export function defaultAttributes(label: Label | undefined): Record<string, AttributeValue> | undefined {
  const out: Record<string, AttributeValue> = {};
  for (const spec of label?.attributes ?? []) {
    if (spec.default !== undefined) out[spec.id] = spec.default;
    else if (spec.type === "checkbox") out[spec.id] = false;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
