import { useCallback, useId, useMemo, useState } from "react";
import type { FormProblem } from "./field-errors";
import { formProblem } from "./field-errors";

export interface FieldErrors {
  /** The sentence no field claims, for the form's outcome area. */
  readonly general: string | null;
  /** Shows a failed call's sentences next to their fields. */
  fail(error: unknown): void;
  /** A check the page makes itself, for one field (or the form when `field` is null). */
  report(field: string | null, message: string): void;
  /** The field was edited: its sentence goes (the others stay until the next submit). */
  clearField(field: string): void;
  clear(): void;
  /** True when nothing is wrong. */
  readonly ok: boolean;
  message(field: string): string | undefined;
  /** aria-invalid and aria-describedby for the field's input. */
  inputProps(field: string): { "aria-invalid"?: true; "aria-describedby"?: string };
  /** The id of the field's sentence element. */
  idOf(field: string): string;
}

/** One form's error sentences, each tied to the field it is about. `fields` are the form's keys. */
export function useFieldErrors(fields: readonly string[]): FieldErrors {
  const prefix = useId();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const known = fields.join("\n");
  const fail = useCallback((error: unknown) => setProblem(formProblem(error, known.split("\n"))), [known]);
  return useMemo(() => {
    const idOf = (field: string) => `${prefix}-${field.replace(/[^a-zA-Z0-9_-]/g, "_")}-error`;
    const message = (field: string) => problem?.fields.get(field);
    return {
      general: problem?.general ?? null,
      ok: problem === null,
      fail,
      report: (field, text) =>
        setProblem(
          field === null ? { fields: new Map(), general: text } : { fields: new Map([[field, text]]), general: null },
        ),
      clearField: (field) => {
        if (!problem?.fields.has(field)) return;
        const rest = new Map(problem.fields);
        rest.delete(field);
        setProblem(rest.size === 0 && problem.general === null ? null : { fields: rest, general: problem.general });
      },
      clear: () => setProblem(null),
      message,
      idOf,
      inputProps: (field) =>
        message(field) === undefined ? {} : { "aria-invalid": true, "aria-describedby": idOf(field) },
    };
  }, [prefix, problem, fail]);
}

/**
 * The sentence about one field, right under it; the input names it with aria-describedby. Forms
 * move focus to the first field to fix (which reads it); `announce` reads it out where they do not.
 */
export function FieldMessage({
  errors,
  field,
  announce = false,
}: {
  readonly errors: FieldErrors;
  readonly field: string;
  readonly announce?: boolean;
}) {
  const text = errors.message(field);
  if (text === undefined) return null;
  return (
    <p
      className="error-text field-error"
      id={errors.idOf(field)}
      data-field-error={field}
      role={announce ? "alert" : undefined}
    >
      {text}
    </p>
  );
}
