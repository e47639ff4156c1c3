import { getApi } from "../api";

/** Input events a person makes; timers, polling and scripted events are none of these. */
const INPUT_EVENTS = ["keydown", "pointerdown", "pointermove", "wheel", "touchstart"] as const;

/** At most one report per this many milliseconds: the auto-lock counts minutes, not keystrokes. */
const REPORT_EVERY_MS = 15_000;

/**
 * Tells core that a person is using the app, the only thing that postpones the key's auto-lock.
 * Only trusted events count (a page script's synthetic events are not a person). Returns the
 * function that removes the listeners.
 */
export function reportUserActivity(target: Window = window): () => void {
  let last = 0;
  const onInput = (event: Event) => {
    if (!event.isTrusted) return;
    const now = Date.now();
    if (now - last < REPORT_EVERY_MS) return;
    last = now;
    getApi()
      .session.activity()
      .catch(() => {
        // Core unreachable: the next input tries again.
        last = 0;
      });
  };
  for (const name of INPUT_EVENTS) target.addEventListener(name, onInput, { capture: true, passive: true });
  return () => {
    for (const name of INPUT_EVENTS) target.removeEventListener(name, onInput, { capture: true });
  };
}
