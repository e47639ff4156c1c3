// The campaign form's shape options as typed: skeleton joints ("head, left hand, right hand"),
// edges by joint number ("1-2, 1-3") and attributes, one per line ("occluded: checkbox",
// "doors: number", "note: text", "colour: red | blue | green" for one of a list).
import type { AttributeSpec, Skeleton } from "../../../../shared/annotation";

export type Parsed<T> = { value: T } | { problem: string };

export function parseSkeleton(jointsText: string, edgesText: string): Parsed<Skeleton> {
  const joints = jointsText
    .split(",")
    .map((j) => j.trim())
    .filter(Boolean);
  if (joints.length === 0) return { problem: "Keypoints need a skeleton: name its joints, separated by commas." };
  if (new Set(joints).size !== joints.length) return { problem: "Each joint of the skeleton needs its own name." };
  const edges: Array<[number, number]> = [];
  for (const part of edgesText
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const m = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    const a = Number(m?.[1]) - 1,
      b = Number(m?.[2]) - 1;
    if (!m || a === b || a < 0 || b < 0 || a >= joints.length || b >= joints.length)
      return {
        problem: `The edge “${part}” must join two different joints by number, 1 to ${joints.length}, like 1-2.`,
      };
    edges.push([a, b]);
  }
  return { value: { joints, edges } };
}

export function parseAttributes(text: string): Parsed<AttributeSpec[]> {
  const out: AttributeSpec[] = [];
  for (const line of text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)) {
    const m = /^([^:]+):\s*(.+)$/.exec(line);
    const name = m?.[1]?.trim() ?? "";
    const type = m?.[2]?.trim() ?? "";
    if (!name || !type) return { problem: `The attribute line “${line}” needs a name, a colon and a type.` };
    const id =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || `attribute-${out.length + 1}`;
    if (out.some((a) => a.id === id)) return { problem: `Two attributes are named “${name}”.` };
    if (type === "checkbox" || type === "number" || type === "text") out.push({ id, name, type });
    else {
      const options = type
        .split("|")
        .map((o) => o.trim())
        .filter(Boolean);
      if (options.length < 2)
        return { problem: `The attribute “${name}” must be checkbox, number, text, or options separated by |.` };
      out.push({ id, name, type: "select", options });
    }
  }
  return { value: out };
}
