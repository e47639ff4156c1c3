import type { ApiReply, CallChannel } from "../../../shared/api";
import { ApiError, MAX_PAYLOAD_BYTES, calls, fieldIssues, humanIssue, isCallChannel } from "../../../shared/api";
import { toApiError } from "../errors";
import type { Handlers } from "./handlers";

export interface DispatchOptions {
  /** Size of the encoded payload as it arrived, when the shell knows it. */
  readonly encodedBytes?: number;
}

export type Dispatch = (channel: unknown, payload: unknown, options?: DispatchOptions) => Promise<ApiReply>;

/**
 * The single entry point of core for both shells. Whatever arrives (unknown channel, wrong
 * shape, oversized payload, a handler that throws) becomes a typed error reply, never a throw:
 * the shell keeps serving.
 */
export function createDispatcher(handlers: Handlers, log: (line: string) => void = () => {}): Dispatch {
  return async (channel, payload, options = {}) => {
    if (!isCallChannel(channel)) {
      return fail(new ApiError("unknown_channel", `no such call: ${describe(channel)}`));
    }
    if ((options.encodedBytes ?? 0) > MAX_PAYLOAD_BYTES) {
      log(`refused ${channel}: payload over ${MAX_PAYLOAD_BYTES} bytes`);
      return fail(
        new ApiError("payload_too_large", `This is too large to send (over ${MAX_PAYLOAD_BYTES / 1024 / 1024} MiB).`),
      );
    }
    const spec = calls[channel];
    // Schemas' own messages are written for their field; every other issue gets a sentence too.
    const input = spec.input.safeParse(payload, { error: humanIssue });
    if (!input.success) {
      const fields = fieldIssues(input.error);
      const first = fields[0]?.message ?? "This request is not valid.";
      return fail(new ApiError("invalid_input", first, fields));
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(input.data);
      const output = spec.output.safeParse(value);
      if (!output.success) {
        log(`contract violation: ${channel} produced an invalid reply: ${output.error.message}`);
        return fail(
          new ApiError("invalid_output", "The app's core produced an answer it should not have (a bug, logged)."),
        );
      }
      return { ok: true, value: output.data };
    } catch (thrown) {
      // Typed failures that a handler let through still get their own code and sentence.
      const error = toApiError(thrown);
      if (error instanceof ApiError) return fail(error);
      log(
        `handler ${channel as CallChannel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      // A bug's own words (a stack, "Cannot read properties of undefined") are for the log.
      return fail(
        new ApiError(
          "internal",
          "Something went wrong inside the app (a bug; the details are in its log). Try again, and report it if it happens again.",
        ),
      );
    }
  };
}

function fail(error: ApiError): ApiReply {
  return { ok: false, error: error.toPayload() };
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.slice(0, 64));
  return typeof value;
}
