// Setting a shape's attributes (the campaign's per-label checkbox / one-of / number / text):
// one undoable step per change, announced in words, and values checked against the label's
// spec so a result never holds a value its campaign refuses.
import type { AttributeSpec, AttributeValue, Label, Shape } from "../../../../shared/annotation";
import { attributeProblem, defaultAttributes } from "../../../../shared/annotation";
import type { Editor } from "./editor";

/** What the live region says about a value: "occluded on", "colour blue", "note cleared". */
export function attributeSentence(spec: AttributeSpec, value: AttributeValue): string {
  if (spec.type === "checkbox") return `${spec.name} ${value === true ? "on" : "off"}`;
  if (value === "") return `${spec.name} cleared`;
  return `${spec.name} ${String(value)}`;
}

/** A control's text as the spec's value, or the sentence saying why it is not one. */
export function parseAttributeInput(spec: AttributeSpec, text: string): AttributeValue | { problem: string } {
  if (spec.type === "number") {
    const v = Number(text);
    if (text.trim() === "" || !Number.isFinite(v)) return { problem: `${spec.name} must be a number` };
    const problem = attributeProblem(spec, v);
    return problem ? { problem } : v;
  }
  if (spec.type === "checkbox") return text === "true";
  const problem = attributeProblem(spec, text);
  return problem ? { problem } : text;
}

/** Sets one attribute of one shape (undoable); false when the value does not fit its spec. */
export function setShapeAttribute(
  editor: Editor,
  shapeId: string,
  spec: AttributeSpec,
  value: AttributeValue,
): boolean {
  const shape = editor.store.get(shapeId);
  if (!shape || shape.locked || attributeProblem(spec, value) !== null) return false;
  if (shape.attributes?.[spec.id] === value) return true;
  editor.history.commit();
  editor.editShapes([{ ...shape, attributes: { ...shape.attributes, [spec.id]: value } }]);
  editor.announce(attributeSentence(spec, value));
  return true;
}

/** The attributes a shape keeps when it takes `label`: values that still fit, defaults for the rest. */
export function attributesForLabel(shape: Shape, label: Label): Record<string, AttributeValue> | undefined {
  const out: Record<string, AttributeValue> = { ...defaultAttributes(label) };
  for (const spec of label.attributes ?? []) {
    const v = shape.attributes?.[spec.id];
    if (v !== undefined && attributeProblem(spec, v) === null) out[spec.id] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
