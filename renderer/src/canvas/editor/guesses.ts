import type { Shape } from "../../../../shared/annotation";
import { isUnreviewedPrelabel } from "../regions/region-style";
import type { Editor } from "./editor";

/** Model guesses nobody has looked at yet: neither edited nor accepted. */
export function unreviewedGuesses(editor: Editor): Shape[] {
  return editor.store.shapes().filter(isUnreviewedPrelabel);
}

/**
 * Accept all: every untouched guess is confirmed as it is (recorded, so one undo step). Its
 * source keeps saying it came from the model, unedited, now `accepted`.
 */
export function acceptAllGuesses(editor: Editor): number {
  const guesses = unreviewedGuesses(editor);
  if (guesses.length === 0) return 0;
  editor.history.commit();
  editor.store.update(guesses.map((s) => (s.source ? { ...s, source: { ...s.source, accepted: true } } : s)));
  return guesses.length;
}

/** Reject all: every untouched guess goes; guesses a human edited or accepted stay. One undo step. */
export function rejectAllGuesses(editor: Editor): number {
  const ids = unreviewedGuesses(editor).map((s) => s.id);
  if (ids.length === 0) return 0;
  editor.history.commit();
  editor.store.remove(ids);
  return ids.length;
}

/**
 * Puts a model's suggestions on the canvas as pre-labels. Not recorded: they are part of the
 * task as it opens, so Ctrl+Z never takes them away (reject-all does). Skipped when the
 * document already holds model shapes (a draft that kept or judged them). Ids are fresh, so
 * they cannot collide with the document's. Returns how many were added.
 */
export function showGuesses(editor: Editor, shapes: readonly Shape[]): number {
  if (shapes.length === 0 || editor.store.shapes().some((s) => s.source?.kind === "model")) return 0;
  const known = new Set(editor.store.labels.map((l) => l.id));
  const usable = shapes.filter((s) => known.has(s.label)).map((s) => ({ ...s, id: `guess-${editor.newShapeId()}` }));
  editor.store.add(usable, false);
  return usable.length;
}
