import { ApiError } from "../../../shared/api";
import { errorMessage } from "./format";

// How a failed call reaches a form: each field issue core sent (a path and a sentence) goes to the
// field the form has for it; whatever no field claims is shown as one sentence above the button.

export interface FormProblem {
  /** The form's field key → the sentence shown next to that field. */
  readonly fields: ReadonlyMap<string, string>;
  /** The sentence no field claims (null when every issue has its field). */
  readonly general: string | null;
}

/** "keys:import: the secret…" → "The secret….": no channel prefix, a capital and a full stop. */
export function humanSentence(text: string): string {
  return errorMessage(text);
}

/** A path ("labels.3") belongs to the form field whose key it is or starts with ("labels"). */
function fieldFor(path: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const key of known)
    if ((path === key || path.startsWith(`${key}.`)) && (best === undefined || key.length > best.length)) best = key;
  return best;
}

/** Splits an error into the sentences for the form's fields (`known`) and the rest. */
export function formProblem(error: unknown, known: readonly string[]): FormProblem {
  const fields = new Map<string, string>();
  const unclaimed: string[] = [];
  const issues = error instanceof ApiError ? error.fields : [];
  for (const issue of issues) {
    const field = fieldFor(issue.path, known);
    if (field === undefined) unclaimed.push(issue.message);
    else if (!fields.has(field)) fields.set(field, humanSentence(issue.message));
  }
  const general =
    unclaimed.length > 0
      ? humanSentence(unclaimed[0]!)
      : fields.size > 0
        ? null
        : humanSentence(error instanceof Error ? error.message : String(error));
  return { fields, general };
}
