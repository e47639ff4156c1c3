import { scopeOf } from "./actions";

/** Where the key was pressed: the canvas surface owns the cursor keys and Space. */
export interface KeyContext {
  readonly onCanvas: boolean;
  /** A held key's auto-repeat. */
  readonly repeat: boolean;
}

function canvasOnly(action: string): boolean {
  const scope = scopeOf(action);
  return scope === "cursor" || scope === "vertex" || action === "edit.place";
}

/**
 * Runs the first of a combo's actions that applies (see ActionScope: the arrows move a picked
 * vertex, else the selection, else the cursor). Returns true when the key was used, so the
 * caller stops the browser's default. Off the canvas, the canvas-only actions are skipped: the
 * arrows, Home, Page keys and Space keep their usual meaning in lists and buttons.
 */
export function dispatchKey(
  actions: readonly string[],
  context: KeyContext,
  run: (action: string) => boolean,
): boolean {
  for (const action of actions) {
    if (!context.onCanvas && canvasOnly(action)) continue;
    if (action === "edit.place" && context.repeat) return true; // one point per press
    if (run(action)) return true;
  }
  return false;
}
