import { z } from "zod";
import { CategoryId, MAX_REASON_CHARS } from "./policy";
import type { ModerationPolicy } from "./policy";

export const MODERATION_RESULT_SCHEMA = 1;

/**
 * One worker's judgement of one item (one task = one item). Submitted as canonical JSON
 * (shared/annotation canonicalJson), so the same judgement always hashes the same on chain.
 */
export const ModerationResult = z.object({
  schema: z.literal(MODERATION_RESULT_SCHEMA),
  kind: z.literal("moderation"),
  taskId: z.string().min(1).max(128),
  /** Category ids, sorted, no repeats. */
  decisions: z.array(CategoryId).min(1).max(9),
  reason: z.string().max(MAX_REASON_CHARS).optional(),
  /** Whether the worker revealed the (blurred) image before deciding. */
  revealed: z.boolean().optional(),
  timeSpentMs: z.number().int().nonnegative(),
});
export type ModerationResult = z.infer<typeof ModerationResult>;

export interface ModerationDraft {
  readonly taskId: string;
  readonly decisions: readonly string[];
  readonly reason: string;
  readonly revealed: boolean;
  readonly timeSpentMs: number;
}

/** The result document for a draft, or the sentence saying why the policy refuses it. */
export function buildModerationResult(
  policy: ModerationPolicy,
  draft: ModerationDraft,
): { ok: true; value: ModerationResult } | { ok: false; error: string } {
  const problem = policyProblem(policy, draft.decisions, draft.reason);
  if (problem) return { ok: false, error: problem };
  const reason = draft.reason.trim();
  return {
    ok: true,
    value: {
      schema: MODERATION_RESULT_SCHEMA,
      kind: "moderation",
      taskId: draft.taskId,
      decisions: [...new Set(draft.decisions)].sort(),
      ...(reason && policy.reason !== "off" ? { reason } : {}),
      ...(draft.revealed ? { revealed: true } : {}),
      timeSpentMs: Math.max(0, Math.round(draft.timeSpentMs)),
    },
  };
}

/** Why these decisions break the policy, or null when they fit it. */
export function policyProblem(
  policy: ModerationPolicy,
  decisions: readonly string[],
  reason: string | undefined,
): string | null {
  const ids = new Set(policy.categories.map((c) => c.id));
  const unknown = decisions.find((d) => !ids.has(d));
  if (unknown !== undefined) return `"${unknown}" is not a category of this policy`;
  const unique = new Set(decisions);
  if (unique.size === 0) return "choose a category first";
  if (policy.select === "single" && unique.size > 1) return "this policy takes exactly one category per item";
  const text = (reason ?? "").trim();
  if (policy.reason === "required" && !text) return "this policy asks for a reason with every decision";
  if (text.length > MAX_REASON_CHARS) return `the reason is longer than ${MAX_REASON_CHARS} characters`;
  return null;
}
