import { z } from "zod";

/** A call on the contract: the payload the renderer sends and the value core replies with. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

/** An event core pushes to the renderer. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
}

const POLLUTING_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const MAX_DEPTH = 64;

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Data as a renderer can legitimately send it: plain objects (no foreign prototype, no
 * __proto__/constructor/prototype keys), arrays, primitives, and Uint8Array for bytes inside an
 * object. zod's object schemas accept any non-array object — a Uint8Array or an object whose
 * fields come from its prototype would pass a schema whose fields are all optional.
 */
export function isPlainPayload(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== "object") return typeof value !== "function" && typeof value !== "symbol";
  if (depth > MAX_DEPTH) return false;
  if (value instanceof Uint8Array) return depth > 0;
  if (Array.isArray(value)) return value.every((item) => isPlainPayload(item, depth + 1));
  if (!isPlainObject(value)) return false;
  return Object.keys(value).every(
    (key) => !POLLUTING_KEYS.has(key) && isPlainPayload((value as Record<string, unknown>)[key], depth + 1),
  );
}

/** A call's input is checked to be plain data before its schema reads it. */
export const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({
  input: z
    .custom<z.input<I>>(
      (value) =>
        value === undefined ||
        (typeof value === "object" && value !== null && !Array.isArray(value) && isPlainPayload(value)),
      {
        message: "The app sent this request in a form its core does not accept (a bug in the page); nothing was done.",
      },
    )
    // zod types a pipe's second half by the first half's output; the custom check passes the
    // value through unchanged, so the call keeps its schema's input and output types.
    .pipe(input as unknown as z.ZodType<z.output<I>, z.input<I>>),
  output,
});
export const event = <P extends z.ZodType>(payload: P): EventSpec<P> => ({ payload });
