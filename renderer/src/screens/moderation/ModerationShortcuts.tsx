import { useEffect, useRef } from "react";
import type { ModerationCategory } from "../../../../shared/moderation";

/** The moderation view's keyboard reference, as a dialog (Escape or ? closes it). */
export function ModerationShortcuts({ categories, onClose }: { readonly categories: readonly ModerationCategory[]; readonly onClose: () => void }) {
  const close = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => previous?.focus();
  }, []);
  const rows: Array<[string, string]> = [
    ...categories.map((c, i): [string, string] => [String(i + 1), c.name]),
    ["Enter", "confirm and go to the next item"],
    ["Space (hold)", "reveal the image while held"],
    ["R", "write a reason (Enter in the box confirms, Esc leaves it)"],
    ["S", "skip to the next item without deciding"],
    ["?", "this reference"],
  ];
  return (
    <div className="overlay-backdrop">
      <div
        className="shortcut-overlay"
        role="dialog"
        aria-modal="true"
        aria-labelledby="moderation-keys-title"
        data-testid="shortcut-overlay"
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === "Escape" || e.key === "?") {
            e.preventDefault();
            onClose();
          }
        }}
      >
        <header>
          <h2 id="moderation-keys-title">Moderation keys</h2>
          <button type="button" ref={close} onClick={onClose}>
            Close
          </button>
        </header>
        <table>
          <tbody>
            {rows.map(([key, action]) => (
              <tr key={key}>
                <th scope="row">
                  <kbd>{key}</kbd>
                </th>
                <td>{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
