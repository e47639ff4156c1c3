import type { Shape } from "../../../../shared/annotation";

/**
 * Copied shapes live in memory for the session (not the system clipboard: they are annotation
 * data, and they should survive switching to the next task, where pasting them is the point).
 */
let copied: readonly Shape[] = [];

export function copyToClipboard(shapes: readonly Shape[]): void {
  copied = shapes;
}

export function clipboardShapes(): readonly Shape[] {
  return copied;
}
