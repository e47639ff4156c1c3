import { z } from "zod";

/** Every failure that crosses the contract carries one of these codes, never a stack. */
export const ApiErrorCode = z.enum([
  "unknown_channel",
  "invalid_input",
  "invalid_output",
  "payload_too_large",
  "unauthorized",
  "locked",
  "not_found",
  "conflict",
  "unavailable",
  "rejected",
  "internal",
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

/**
 * One problem with one field of the caller's input: `path` names the field as the call's payload
 * does ("priceSol", "source.secret", "labels.0"), `message` is a sentence for the person who typed
 * it. A form shows it next to that field; what no field claims is shown as one sentence.
 */
export const FieldIssue = z.object({
  path: z.string().max(256),
  message: z.string().max(1000),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

/** At most this many field issues travel with one error (a form shows the first per field). */
export const MAX_FIELD_ISSUES = 32;

export const ApiErrorPayload = z.object({
  code: ApiErrorCode,
  /** One sentence for a person: never a channel name, a schema path or a stack. */
  message: z.string(),
  /** The fields of the input this error is about, when it is about the input. */
  fields: z.array(FieldIssue).max(MAX_FIELD_ISSUES).optional(),
});
export type ApiErrorPayload = z.infer<typeof ApiErrorPayload>;

export const ApiReply = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), value: z.unknown().optional() }),
  z.object({ ok: z.literal(false), error: ApiErrorPayload }),
]);
export type ApiReply<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorPayload };

/** Thrown by core handlers to reply with a specific code; thrown by clients on an error reply. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** An error about one field of the caller's input: the sentence is both the message and the field's. */
  static field(path: string, message: string, code: ApiErrorCode = "invalid_input"): ApiError {
    return new ApiError(code, message, [{ path, message }]);
  }

  toPayload(): ApiErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields.length > 0 ? { fields: this.fields.slice(0, MAX_FIELD_ISSUES) } : {}),
    };
  }
}

/** The largest call payload either shell accepts, in bytes of its encoded form. */
export const MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;
