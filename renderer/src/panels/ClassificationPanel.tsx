import type { Editor } from "../canvas/editor/editor";
import { toggleClass } from "../canvas/editor/commands";
import { useEditorChannel } from "../canvas/use-editor";

export interface ClassificationPanelProps {
  readonly editor: Editor;
  /** The campaign accepts a result with no class ("none of these"). */
  readonly noneOfThese?: boolean;
  /** Why the last submit was refused, while no class is chosen. */
  readonly note?: string | null;
}

/** Whole-image classes: radio buttons for single-label campaigns, checkboxes for multi-label. */
export function ClassificationPanel({ editor, noneOfThese = false, note = null }: ClassificationPanelProps) {
  useEditorChannel(editor, "doc");
  const { classes, classification, tools } = editor.schema;
  if (classification === "none" || classes.length === 0) return null;
  const chosen = editor.store.classes;
  const prefix = tools.length === 0 ? "" : "Shift+";
  return (
    <fieldset className="side-panel classification" data-testid="classification">
      <legend>Image class{classification === "multi" ? "es" : ""}</legend>
      {classes.map((cls, i) => (
        <label key={cls.id} className="class-option">
          <input
            type={classification === "single" ? "radio" : "checkbox"}
            name="image-class"
            checked={chosen.includes(cls.id)}
            onChange={() => toggleClass(editor, i)}
            onClick={(e) => {
              // A radio cannot be unticked by clicking it again; toggle does it for us.
              if (classification === "single" && chosen.includes(cls.id)) {
                e.preventDefault();
                toggleClass(editor, i);
              }
            }}
          />
          <span className="swatch" style={{ background: cls.color }} aria-hidden="true" />
          {cls.name}
          {i < 9 && <kbd>{prefix + (i + 1)}</kbd>}
        </label>
      ))}
      {chosen.length === 0 && note ? (
        <p className="class-note is-error" role="alert" data-testid="classification-note">
          {note}
        </p>
      ) : (
        noneOfThese && <p className="class-note">No class chosen means “none of these”.</p>
      )}
    </fieldset>
  );
}
