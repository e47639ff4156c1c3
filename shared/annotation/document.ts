import { z } from "zod";
import { Id, Label, attributeProblem } from "./label";
import { Shape } from "./shapes";

/**
 * The annotation document of one task, in image pixel coordinates (DESIGN §3).
 * Versioned so that drafts and results written today stay readable tomorrow:
 * 1 — boxes and polygons; 2 — every kind in shapes.ts, per-shape attributes, labels with
 * attribute specs and skeletons. A version-1 document is a valid version-2 one with fewer
 * kinds, so migrating it only renumbers it (see migrateDocument); parsing does that on read.
 */
export const ANNOTATION_SCHEMA_VERSION = 2;

export const AnnotationDocument = z
  .object({
    schema: z
      .union([z.literal(1), z.literal(ANNOTATION_SCHEMA_VERSION)])
      .transform((): typeof ANNOTATION_SCHEMA_VERSION => ANNOTATION_SCHEMA_VERSION),
    taskId: z.string().min(1).max(128),
    image: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
    labels: z.array(Label).max(1000),
    shapes: z.array(Shape).max(100_000),
    /** Label ids that apply to the whole image. */
    classes: z.array(Id).max(1000),
    timeSpentMs: z.number().int().nonnegative(),
  })
  .superRefine((doc, ctx) => {
    for (const problem of documentProblems(doc)) ctx.addIssue({ code: "custom", message: problem });
  });
export type AnnotationDocument = z.output<typeof AnnotationDocument>;
export type AnnotationDocumentInput = z.input<typeof AnnotationDocument>;

/** Reads a document of any known version (throws a ZodError naming the problem otherwise). */
export function migrateDocument(raw: unknown): AnnotationDocument {
  return AnnotationDocument.parse(raw);
}

/**
 * What the label specs say a shape must be: keypoints match their label's skeleton, attribute
 * values fit their specs. Shapes of labels the document does not list are not judged here.
 */
export function documentProblems(doc: { labels: readonly Label[]; shapes: readonly Shape[] }): string[] {
  const labels = new Map(doc.labels.map((l) => [l.id, l]));
  const problems: string[] = [];
  for (const shape of doc.shapes) {
    const label = labels.get(shape.label);
    if (!label) continue;
    if (label.kinds && !label.kinds.includes(shape.kind))
      problems.push(`shape ${shape.id}: label ${label.name} cannot be a ${shape.kind}`);
    if (shape.kind === "keypoints") {
      if (!label.skeleton) problems.push(`shape ${shape.id}: label ${label.name} has no skeleton`);
      else if (shape.visibility.length !== label.skeleton.joints.length)
        problems.push(
          `shape ${shape.id}: ${shape.visibility.length} keypoints, but the ${label.name} skeleton has ${label.skeleton.joints.length} joints`,
        );
    }
    for (const [id, value] of Object.entries(shape.attributes ?? {})) {
      const spec = label.attributes?.find((a) => a.id === id);
      if (!spec) problems.push(`shape ${shape.id}: label ${label.name} has no attribute ${id}`);
      else {
        const problem = attributeProblem(spec, value);
        if (problem) problems.push(`shape ${shape.id}: ${problem}`);
      }
    }
  }
  return problems;
}

export function emptyDocument(taskId: string, labels: Label[]): AnnotationDocument {
  return { schema: ANNOTATION_SCHEMA_VERSION, taskId, labels, shapes: [], classes: [], timeSpentMs: 0 };
}
