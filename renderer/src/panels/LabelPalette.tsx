import type { Editor } from "../canvas/editor/editor";
import { pickLabel } from "../canvas/editor/commands";
import { useEditorChannel } from "../canvas/use-editor";

/** The campaign's shape labels; a digit or a click picks one and relabels the selection. */
export function LabelPalette({ editor }: { editor: Editor }) {
  useEditorChannel(editor, "ui");
  const active = editor.activeLabelIdValue;
  return (
    <section className="side-panel" aria-labelledby="label-palette-title">
      <h2 id="label-palette-title">Labels</h2>
      <div className="palette" role="group" aria-label="Shape label">
        {editor.schema.labels.map((label, i) => (
          <button
            key={label.id}
            type="button"
            className="palette-item"
            aria-pressed={label.id === active}
            data-testid={`label-${label.id}`}
            onClick={() => pickLabel(editor, i)}
          >
            <span className="swatch" style={{ background: label.color }} aria-hidden="true" />
            <span className="palette-name">{label.name}</span>
            {i < 9 && <kbd aria-label={`key ${i + 1}`}>{i + 1}</kbd>}
          </button>
        ))}
      </div>
    </section>
  );
}
