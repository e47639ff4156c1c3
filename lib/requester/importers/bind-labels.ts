// Imported shapes name their labels as the file spells them; a campaign knows its labels by id.
// Binding maps names (or ids) to the campaign's labels, types attributes by the label's specs,
// puts a skeleton's joints in the label's joint order by name, and checks every shape with the
// same schema and label rules a worker's result must pass. Any problem refuses the whole file
// (the first few named), so a bad file never half-imports.
import type { Label, Shape, ShapeSource } from "../../../shared/annotation";
import { Shape as ShapeSchema, documentProblems } from "../../../shared/annotation";
import { attributesFromText } from "../exporters/attribute-text";
import { ImportError, type ImportedDataset, type ImportedShape } from "./import-model";

export interface BoundImage {
  fileName: string;
  width?: number;
  height?: number;
  shapes: Shape[];
  /** Image classes, by label id. */
  classes: string[];
}

const SHOWN = 5;

function orderJoints(s: ImportedShape, label: Label): Shape | string {
  const shape = s.shape;
  if (shape.kind !== "keypoints" || !label.skeleton) return shape;
  const joints = label.skeleton.joints;
  if (s.jointNames) {
    const points: number[] = [];
    const visibility: Array<0 | 1 | 2> = [];
    for (const j of joints) {
      const i = s.jointNames.indexOf(j);
      const v = i < 0 ? 0 : (shape.visibility[i] ?? 0);
      visibility.push(v);
      points.push(v === 0 ? 0 : (shape.points[2 * i] ?? 0), v === 0 ? 0 : (shape.points[2 * i + 1] ?? 0));
    }
    const unknown = s.jointNames.find((n, i) => !joints.includes(n) && (shape.visibility[i] ?? 0) > 0);
    if (unknown) return `the ${label.name} skeleton has no joint ${JSON.stringify(unknown)}`;
    return { ...shape, points, visibility };
  }
  // YOLO pads every skeleton to the dataset's largest; only absent joints may be cut off.
  if (shape.visibility.length > joints.length && shape.visibility.slice(joints.length).every((v) => v === 0))
    return {
      ...shape,
      points: shape.points.slice(0, 2 * joints.length),
      visibility: shape.visibility.slice(0, joints.length),
    };
  return shape;
}

export function bindDataset(dataset: ImportedDataset, labels: readonly Label[], source?: ShapeSource): BoundImage[] {
  const byName = new Map<string, Label>();
  for (const l of labels) byName.set(l.id, l);
  for (const l of labels) byName.set(l.name, l);
  const problems: string[] = [];
  let next = 1;
  const out = dataset.images.map((img) => {
    const shapes: Shape[] = [];
    for (const s of img.shapes) {
      const where = `${img.fileName}`;
      const label = byName.get(s.shape.label);
      if (!label) {
        problems.push(`${where}: the campaign has no label ${JSON.stringify(s.shape.label)}`);
        continue;
      }
      const attributes = attributesFromText(label, s.attributes);
      if (typeof attributes === "string") {
        problems.push(`${where}: ${attributes}`);
        continue;
      }
      const hints = (s.hints ?? []).filter(([k]) => label.attributes?.some((a) => a.id === k || a.name === k));
      const hinted = attributesFromText(label, hints);
      const ordered = orderJoints(s, label);
      if (typeof ordered === "string") {
        problems.push(`${where}: ${ordered}`);
        continue;
      }
      const all = { ...(typeof hinted === "string" ? {} : hinted), ...attributes };
      const candidate = {
        ...ordered,
        id: `pre-${next++}`,
        label: label.id,
        ...(Object.keys(all).length > 0 ? { attributes: all } : { attributes: undefined }),
        ...(source ? { source } : {}),
      };
      if (candidate.attributes === undefined) delete candidate.attributes;
      const parsed = ShapeSchema.safeParse(candidate);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        problems.push(
          `${where}: a ${s.shape.kind} of ${label.name}: ${issue?.path.join(".") || ""} ${issue?.message ?? ""}`.trim(),
        );
        continue;
      }
      shapes.push(parsed.data);
    }
    for (const p of documentProblems({ labels, shapes })) problems.push(`${img.fileName}: ${p}`);
    const classes: string[] = [];
    for (const c of img.classes) {
      const label = byName.get(c);
      if (label) classes.push(label.id);
      else problems.push(`${img.fileName}: the campaign has no label ${JSON.stringify(c)} for the image class`);
    }
    return {
      fileName: img.fileName,
      ...(img.width ? { width: img.width } : {}),
      ...(img.height ? { height: img.height } : {}),
      shapes,
      classes,
    };
  });
  if (problems.length > 0)
    throw new ImportError(
      `The ${dataset.format.toUpperCase()} file does not fit the campaign's labels (${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was imported): ${problems.slice(0, SHOWN).join("; ")}${problems.length > SHOWN ? "; …" : ""}.`,
    );
  return out;
}
