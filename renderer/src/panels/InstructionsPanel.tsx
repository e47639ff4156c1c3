import type { Label } from "../../../shared/annotation";
import { ExampleImages } from "./ExampleImages";
import type { ExampleImagesProps } from "./ExampleImages";

export interface InstructionsPanelProps {
  /** The requester's instructions ("" when they wrote none). */
  readonly instructions: string;
  /** The campaign's labels; those with a description are explained here. */
  readonly labels: readonly Label[];
  /** The requester's example images, when they gave some. */
  readonly examples?: ExampleImagesProps;
  /** What the key that toggles the panel reads as ("I"). */
  readonly shortcut: string;
  readonly onClose: () => void;
}

/**
 * What the requester asked for, beside the canvas: shown by itself on the first task of a
 * campaign and on `I` at any time. Not a dialog: it takes no focus and no keys, so labelling
 * goes on while it is open.
 */
export function InstructionsPanel({ instructions, labels, examples, shortcut, onClose }: InstructionsPanelProps) {
  const described = labels.filter((l) => l.description);
  return (
    <section
      className="side-panel instructions"
      aria-labelledby="instructions-heading"
      data-testid="instructions-panel"
    >
      <div className="instructions-head">
        <h2 id="instructions-heading">Instructions</h2>
        <button type="button" className="link" onClick={onClose} title={`Hide (${shortcut} shows them again)`}>
          Hide <kbd>{shortcut}</kbd>
        </button>
      </div>
      {instructions.trim() ? (
        <p className="instructions-text">{instructions}</p>
      ) : (
        <p className="muted small">The requester gave no instructions for this campaign.</p>
      )}
      {described.length > 0 && (
        <dl className="label-descriptions">
          {described.map((label) => (
            <div key={label.id}>
              <dt>
                <span className="swatch" style={{ background: label.color }} aria-hidden="true" />
                {label.name}
              </dt>
              <dd>{label.description}</dd>
            </div>
          ))}
        </dl>
      )}
      {examples && examples.captions.length > 0 && <ExampleImages {...examples} />}
    </section>
  );
}
