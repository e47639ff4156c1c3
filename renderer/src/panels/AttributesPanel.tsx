import { useState } from "react";
import type { AttributeSpec, Shape } from "../../../shared/annotation";
import { parseAttributeInput, setShapeAttribute } from "../canvas/editor/attribute-edit";
import type { Editor } from "../canvas/editor/editor";
import { kindName } from "../canvas/editor/editor";
import { useEditorChannel } from "../canvas/use-editor";

export interface AttributesPanelProps {
  readonly editor: Editor;
  /** Escape: back to the canvas. */
  readonly onLeave: () => void;
}

/**
 * The attributes of the one selected shape, as its label defines them: a checkbox, a one-of
 * select, a number or a text, each a native labelled control (Tab moves between them, Space
 * ticks, arrows choose). Checkbox and select apply at once; number and text apply on Enter or
 * when focus leaves, so one edit is one undo step. Every change is announced; Escape returns
 * to the canvas (Shift+A there comes back).
 */
export function AttributesPanel({ editor, onLeave }: AttributesPanelProps) {
  useEditorChannel(editor, "doc");
  useEditorChannel(editor, "selection");
  const ids = [...editor.selection()];
  const shape = ids.length === 1 && ids[0] ? editor.store.get(ids[0]) : undefined;
  const label = shape ? editor.labelById(shape.label) : undefined;
  if (!shape || !label?.attributes?.length) return null;
  return (
    <fieldset
      className="side-panel attributes-panel"
      data-testid="attributes"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          onLeave();
        }
      }}
    >
      <legend>
        Attributes of {kindName(shape).toLowerCase()}, {label.name}
      </legend>
      {label.attributes.map((spec) => (
        // keyed by shape too: another shape's fields start from its own values
        <AttributeField key={`${shape.id}:${spec.id}`} editor={editor} shape={shape} spec={spec} />
      ))}
    </fieldset>
  );
}

function AttributeField({ editor, shape, spec }: { editor: Editor; shape: Shape; spec: AttributeSpec }) {
  const value = shape.attributes?.[spec.id];
  const id = `attribute-${spec.id}`;
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const disabled = shape.locked === true;
  const commit = (text: string) => {
    const parsed = parseAttributeInput(spec, text);
    if (typeof parsed === "object") {
      setProblem(parsed.problem);
      editor.announce(parsed.problem);
      return;
    }
    setProblem(null);
    setDraft(null);
    setShapeAttribute(editor, shape.id, spec, parsed);
  };
  if (spec.type === "checkbox")
    return (
      <label className="attribute-field is-checkbox">
        <input
          type="checkbox"
          checked={value === true}
          disabled={disabled}
          onChange={(e) => setShapeAttribute(editor, shape.id, spec, e.currentTarget.checked)}
        />
        {spec.name}
      </label>
    );
  if (spec.type === "select")
    return (
      <div className="attribute-field">
        <label htmlFor={id}>{spec.name}</label>
        <select
          id={id}
          value={typeof value === "string" ? value : ""}
          disabled={disabled}
          onChange={(e) => commit(e.currentTarget.value)}
        >
          {typeof value !== "string" && <option value="">(not set)</option>}
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
    );
  const shown = draft ?? (value === undefined ? "" : String(value));
  return (
    <div className="attribute-field">
      <label htmlFor={id}>{spec.name}</label>
      <input
        id={id}
        type={spec.type === "number" ? "number" : "text"}
        {...(spec.type === "number"
          ? { min: spec.min, max: spec.max, step: spec.step ?? "any" }
          : { maxLength: spec.maxLength ?? 1000 })}
        value={shown}
        disabled={disabled}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={() => draft !== null && commit(draft)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            e.stopPropagation();
            commit(e.currentTarget.value);
          }
        }}
      />
      {problem && (
        <span id={`${id}-problem`} className="attribute-problem">
          {problem}
        </span>
      )}
    </div>
  );
}
