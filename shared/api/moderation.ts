import { z } from "zod";
import { ModerationResult } from "../moderation";
import { call } from "./define";
import { SolanaAddress } from "./address";

export const moderationCalls = {
  /** Checks the judgement against the campaign's policy, then queues it like any result. */
  "moderation:submit": call(
    z.object({ id: SolanaAddress, result: ModerationResult }),
    z.object({ outboxId: z.string(), resultHash: z.string() }),
  ),
};
