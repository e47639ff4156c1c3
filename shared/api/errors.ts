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

export const ApiErrorPayload = z.object({
  code: ApiErrorCode,
  message: z.string(),
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
  ) {
    super(message);
    this.name = "ApiError";
  }

  toPayload(): ApiErrorPayload {
    return { code: this.code, message: this.message };
  }
}

/** The largest call payload either shell accepts, in bytes of its encoded form. */
export const MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;
