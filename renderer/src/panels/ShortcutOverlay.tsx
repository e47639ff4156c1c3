import { useRef, useState } from "react";
import { useModal } from "../ui/use-modal";
import type { Bindings } from "../canvas/hotkeys/hotkeys";
import { bindingProblem, comboOf, displayCombo } from "../canvas/hotkeys/hotkeys";
import { ACTIONS, ACTION_BY_ID, scopeOf } from "../canvas/hotkeys/actions";

interface ShortcutOverlayProps {
  readonly bindings: Bindings;
  /** Saves the user's overrides (action id → combo); an empty record restores the defaults. */
  readonly onRebind: (action: string, combo: string | null) => void;
  readonly onClose: () => void;
}

const GROUPS = ["Tools", "Edit", "Shapes", "Vertices", "Cursor", "Labels", "View", "Task"] as const;

const titleOf = (action: string) => ACTION_BY_ID.get(action)?.title ?? action;

/**
 * Every shortcut, grouped, with a Change button per action: press the new combo (Escape keeps
 * the old one). A dialog: focus moves in on open, Escape closes, focus returns on close.
 */
export function ShortcutOverlay({ bindings, onRebind, onClose }: ShortcutOverlayProps) {
  const [capturing, setCapturing] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const closeRef = useRef<HTMLButtonElement | null>(null);
  const dialogRef = useRef<HTMLDivElement | null>(null);
  // while a new key is being captured, Escape cancels the capture, not the dialog
  useModal(dialogRef, () => capturing === null && onClose(), closeRef);

  const onKeyDown = (e: React.KeyboardEvent) => {
    e.stopPropagation(); // the editor must not act on keys typed into the dialog
    if (capturing) {
      if (e.key === "Tab") return; // focus stays in the dialog (useModal); Tab is not bindable
      e.preventDefault();
      if (e.key === "Escape") {
        setCapturing(null);
        setNotice(`“${titleOf(capturing)}” keeps its keys.`);
        return;
      }
      const combo = comboOf(e.nativeEvent);
      if (!combo) return;
      // A binding that cannot work is not saved: the old one stays and the person is told why.
      const problem = bindingProblem(bindings, capturing, combo, titleOf, scopeOf);
      if (problem) {
        setNotice(
          `${problem} “${titleOf(capturing)}” keeps ${(bindings[capturing] ?? []).map(displayCombo).join(" or ") || "no keys"}.`,
        );
      } else {
        onRebind(capturing, combo);
        setNotice(`“${titleOf(capturing)}” is now ${displayCombo(combo)}.`);
      }
      setCapturing(null);
      return;
    }
    if (e.key === "?" && !e.ctrlKey) {
      e.preventDefault();
      onClose();
    }
  };

  return (
    <div className="overlay-backdrop">
      <div
        ref={dialogRef}
        className="shortcut-overlay"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-title"
        onKeyDown={onKeyDown}
        data-testid="shortcut-overlay"
      >
        <header>
          <h2 id="shortcut-title">Keyboard shortcuts</h2>
          <button type="button" onClick={() => onRebind("*", null)}>
            Restore defaults
          </button>
          <button type="button" ref={closeRef} onClick={onClose}>
            Close
          </button>
        </header>
        <p role="status" className="notice">
          {capturing ? `Press the new keys for “${titleOf(capturing)}” (Escape cancels)` : notice}
        </p>
        <div className="shortcut-groups">
          {GROUPS.map((group) => (
            <section key={group}>
              <h3>{group}</h3>
              <table>
                <tbody>
                  {ACTIONS.filter((a) => a.group === group).map((a) => (
                    <tr key={a.id}>
                      <th scope="row">{a.title}</th>
                      <td>
                        {(bindings[a.id] ?? []).map((c) => (
                          <kbd key={c}>{displayCombo(c)}</kbd>
                        ))}
                      </td>
                      <td>
                        <button
                          type="button"
                          aria-label={`Change the shortcut for ${a.title}`}
                          data-action={a.id}
                          onClick={() => setCapturing(a.id)}
                        >
                          {capturing === a.id ? "Press keys…" : "Change"}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
