import type { z } from "zod";

/** A call on the contract: the payload the renderer sends and the value core replies with. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

/** An event core pushes to the renderer. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
}

export const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): CallSpec<I, O> => ({
  input,
  output,
});
export const event = <P extends z.ZodType>(payload: P): EventSpec<P> => ({ payload });
