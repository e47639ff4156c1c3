import { z } from "zod";
import { ApiErrorPayload } from "./errors";

/**
 * A call's id: a whole number JavaScript holds exactly (ids ≥ 2^53 would be rounded, and two
 * calls could share one reply).
 */
export const CallId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Envelope of every WebSocket message, validated on both sides of the bridge. */
export const ClientMessage = z.object({
  type: z.literal("call"),
  id: CallId,
  channel: z.string().max(64),
  // Calls without input omit the key entirely once JSON drops `undefined`.
  payload: z.unknown().optional(),
});
export type ClientMessage = z.infer<typeof ClientMessage>;

export const ServerMessage = z.union([
  z.object({ type: z.literal("reply"), id: CallId, ok: z.literal(true), value: z.unknown().optional() }),
  z.object({ type: z.literal("reply"), id: CallId.nullable(), ok: z.literal(false), error: ApiErrorPayload }),
  z.object({ type: z.literal("event"), event: z.string().max(64), payload: z.unknown().optional() }),
]);

/** WebSocket subprotocols: the API version, and the launch token (kept out of every URL). */
export const API_PROTOCOL_NAME = "amplify.v1";
export const TOKEN_PROTOCOL_PREFIX = "amplify-token.";
