import type { FirstGuessView } from "./use-first-guesses";
import "./first-guess-bar.css";

interface FirstGuessBarProps {
  readonly guesses: FirstGuessView;
  readonly onAcceptAll: () => void;
  readonly onRejectAll: () => void;
}

function describe(g: FirstGuessView): string {
  switch (g.phase) {
    case "off":
      return "Off for this campaign";
    case "waiting":
      return g.model === "loading" || g.model === "idle"
        ? "Loading model… (label away, guesses come when it is ready)"
        : "Guessing…";
    case "shown":
      return `${g.shown} guess${g.shown === 1 ? "" : "es"} from ${g.modelId ?? "the model"} (dashed until you accept or edit them)`;
    case "none":
      return "The model has nothing to suggest here";
    case "kept":
      return "Guesses were shown on this task before: your draft is as you left it";
    case "failed":
      return `Unavailable: ${g.error ?? "unknown error"}`;
  }
}

/**
 * The first-guess strip above the canvas: the per-campaign switch, what the model is doing,
 * and accept-all / reject-all (G, Shift+G). A status line, never a gate: the canvas works
 * whatever it says.
 */
export function FirstGuessBar({ guesses, onAcceptAll, onRejectAll }: FirstGuessBarProps) {
  return (
    <div
      className="first-guess-bar"
      data-testid="first-guesses"
      data-phase={guesses.phase}
      data-model={guesses.model ?? ""}
      data-ms={guesses.msAfterImage ?? ""}
      data-ms-decoded={guesses.msAfterDecode ?? ""}
      data-ms-request={guesses.msRequest ?? ""}
    >
      <label>
        <input type="checkbox" checked={guesses.enabled} onChange={guesses.toggle} data-testid="first-guesses-toggle" />
        First guesses
      </label>
      <span role="status" aria-live="polite" data-testid="first-guesses-status">
        {describe(guesses)}
      </span>
      {guesses.refused.length > 0 && (
        <span
          className="error-text"
          data-testid="first-guesses-refused"
          title={guesses.refused.map((r) => `${r.folder}: ${r.reason}`).join("\n")}
        >
          {guesses.refused.length} model folder{guesses.refused.length === 1 ? "" : "s"} refused:{" "}
          {guesses.refused[0]?.reason}
        </span>
      )}
      {guesses.phase === "shown" && (
        <>
          <button type="button" onClick={onAcceptAll} aria-keyshortcuts="G" title="Accept all guesses as they are (G)">
            Accept all
          </button>
          <button
            type="button"
            onClick={onRejectAll}
            aria-keyshortcuts="Shift+G"
            title="Reject the guesses nobody edited or accepted (Shift+G)"
          >
            Reject all
          </button>
        </>
      )}
    </div>
  );
}
