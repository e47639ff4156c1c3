import type { AnnotationDocument, ShapeKind } from "../../../../shared/annotation";

/** One and many of each kind, as people say them ("2 skeletons", not "2 keypointss"). */
const WORDS: Readonly<Record<ShapeKind, readonly [string, string]>> = {
  box: ["box", "boxes"],
  polygon: ["polygon", "polygons"],
  polyline: ["polyline", "polylines"],
  points: ["point set", "point sets"],
  keypoints: ["skeleton", "skeletons"],
  mask: ["mask", "masks"],
  "rotated-box": ["rotated box", "rotated boxes"],
  ellipse: ["ellipse", "ellipses"],
};

/** "2 boxes and 1 polygon", "class Dog", "no shapes and no class": what the person sent. */
export function describeSubmission(doc: AnnotationDocument): string {
  const counts = new Map<ShapeKind, number>();
  for (const shape of doc.shapes) counts.set(shape.kind, (counts.get(shape.kind) ?? 0) + 1);
  const shapes = [...counts].map(([kind, n]) => `${n} ${WORDS[kind][n === 1 ? 0 : 1]}`);
  const names = doc.classes.map((id) => doc.labels.find((l) => l.id === id)?.name ?? id);
  const classes = names.length === 0 ? [] : [`${names.length === 1 ? "class" : "classes"} ${names.join(", ")}`];
  const parts = [...shapes, ...classes];
  if (parts.length === 0) return "no shapes and no class";
  return parts.length === 1 ? (parts[0] as string) : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1) as string}`;
}
