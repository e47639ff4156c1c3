import { useRef, useState } from "react";
import type { ModerationCategory } from "../../../../shared/moderation";
import { getApi } from "../../api";
import { comboOf, displayCombo } from "../../canvas/hotkeys/hotkeys";
import { useModal } from "../../ui/use-modal";
import { errorMessage } from "../../ui/format";
import type { ModerationKey } from "./moderation-keys";
import { DIGITS_SETTING, MODERATION_KEYS, OFF, moderationBindings, moderationKeyProblem } from "./moderation-keys";

interface ModerationShortcutsProps {
  readonly categories: readonly ModerationCategory[];
  /** settings.hotkeys as saved; changes here are saved back through settings:update. */
  readonly hotkeys: Readonly<Record<string, string>>;
  readonly onClose: () => void;
}

/**
 * The moderation view's keyboard reference, as a modal dialog (Escape closes it): every
 * character key can be changed or turned off here (WCAG 2.1.4), and so can the number keys.
 */
export function ModerationShortcuts({ categories, hotkeys, onClose }: ModerationShortcutsProps) {
  const close = useRef<HTMLButtonElement | null>(null);
  const dialog = useRef<HTMLDivElement | null>(null);
  const [capturing, setCapturing] = useState<ModerationKey | null>(null);
  const [notice, setNotice] = useState("");
  useModal(dialog, () => capturing === null && onClose(), close);
  const bindings = moderationBindings(hotkeys);

  const save = (patch: Record<string, string>, said: string) => {
    getApi()
      .settings.update({ hotkeys: { ...hotkeys, ...patch } })
      .then(
        () => setNotice(said),
        (e: unknown) => setNotice(`Not saved. ${errorMessage(e)}`),
      );
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    e.stopPropagation(); // the moderation view must not act on keys pressed in here
    if (capturing) {
      if (e.key === "Tab") return;
      e.preventDefault();
      if (e.key === "Escape") {
        setNotice(`“${capturing.title}” keeps its key.`);
        setCapturing(null);
        return;
      }
      const combo = comboOf(e.nativeEvent);
      if (!combo) return;
      const problem = moderationKeyProblem(bindings, capturing.id, combo);
      if (problem)
        setNotice(
          `${problem} “${capturing.title}” keeps ${bindings.keys[capturing.id] ? displayCombo(bindings.keys[capturing.id] as string) : "no key"}.`,
        );
      else save({ [capturing.id]: combo }, `“${capturing.title}” is now ${displayCombo(combo)}.`);
      setCapturing(null);
      return;
    }
    if (bindings.keys["moderation.help"] && comboOf(e.nativeEvent) === bindings.keys["moderation.help"]) {
      e.preventDefault();
      onClose();
    }
  };

  return (
    <div className="overlay-backdrop">
      <div
        ref={dialog}
        className="shortcut-overlay"
        role="dialog"
        aria-modal="true"
        aria-labelledby="moderation-keys-title"
        data-testid="shortcut-overlay"
        onKeyDown={onKeyDown}
      >
        <header>
          <h2 id="moderation-keys-title">Moderation keys</h2>
          <button type="button" ref={close} onClick={onClose}>
            Close
          </button>
        </header>
        <p role="status" className="notice">
          {capturing ? `Press the new key for “${capturing.title}” (Escape cancels)` : notice}
        </p>
        <table>
          <caption className="visually-hidden">Keys of the moderation view</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Action</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((c, i) => (
              <tr key={c.id}>
                <th scope="row">{bindings.digits ? <kbd>{i + 1}</kbd> : "off"}</th>
                <td>{c.name}</td>
                <td>{i === 0 && <span className="muted small">see the number keys switch below</span>}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">
                <kbd>Enter</kbd>
              </th>
              <td>confirm and go to the next item</td>
              <td />
            </tr>
            <tr>
              <th scope="row">
                <kbd>Space</kbd> (hold)
              </th>
              <td>reveal the image while held</td>
              <td />
            </tr>
            {MODERATION_KEYS.map((k) => (
              <tr key={k.id}>
                <th scope="row">
                  {bindings.keys[k.id] ? <kbd>{displayCombo(bindings.keys[k.id] as string)}</kbd> : "off"}
                </th>
                <td>{k.title}</td>
                <td className="actions">
                  <button
                    type="button"
                    aria-label={`Change the key for ${k.title}`}
                    data-action={k.id}
                    onClick={() => setCapturing(k)}
                  >
                    {capturing?.id === k.id ? "Press a key…" : "Change"}
                  </button>
                  <button
                    type="button"
                    aria-label={`Turn off the key for ${k.title}`}
                    disabled={bindings.keys[k.id] === null}
                    onClick={() => save({ [k.id]: OFF }, `“${k.title}” has no key now.`)}
                  >
                    Turn off
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={bindings.digits}
            onChange={(e) =>
              save(
                { [DIGITS_SETTING]: e.target.checked ? "on" : OFF },
                e.target.checked ? "Number keys choose categories." : "Number keys are off: use the category buttons.",
              )
            }
          />
          Number keys 1–9 choose categories
        </label>
      </div>
    </div>
  );
}
