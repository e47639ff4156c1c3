// Attributes in formats that carry them as text (VOC, CVAT): written under the spec's name,
// read back by name or id and typed by the label's spec.
import type { AttributeValue, Label, Shape } from "../../../shared/annotation";

export function attributeEntries(label: Label | undefined, shape: Shape): Array<[string, string]> {
  return Object.entries(shape.attributes ?? {}).map(([id, value]) => [
    label?.attributes?.find((a) => a.id === id)?.name ?? id,
    String(value),
  ]);
}

/** The attribute values of a shape of `label` from name → text pairs; an error sentence names what does not fit. */
export function attributesFromText(
  label: Label,
  entries: ReadonlyArray<readonly [string, string]>,
): Record<string, AttributeValue> | string {
  const out: Record<string, AttributeValue> = {};
  for (const [name, text] of entries) {
    const spec = label.attributes?.find((a) => a.name === name || a.id === name);
    if (!spec) return `the label ${label.name} has no attribute ${JSON.stringify(name)}`;
    if (spec.type === "checkbox") {
      const t = text.trim().toLowerCase();
      if (!["true", "false", "1", "0"].includes(t))
        return `the attribute ${spec.name} is a checkbox, not ${JSON.stringify(text)}`;
      out[spec.id] = t === "true" || t === "1";
    } else if (spec.type === "number") {
      const n = Number(text);
      if (text.trim() === "" || !Number.isFinite(n))
        return `the attribute ${spec.name} is a number, not ${JSON.stringify(text)}`;
      out[spec.id] = n;
    } else out[spec.id] = text;
  }
  return out;
}
