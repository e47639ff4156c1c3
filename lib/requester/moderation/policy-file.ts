// A moderation policy file (JSON): the campaign's title and instructions, and the categories
// workers choose from. Every problem is reported with where it is, before anything is posted.
import fs from "node:fs";
import { z } from "zod";
import { ModerationPolicy } from "../../../shared/moderation";
import { RequesterError } from "../../chain";

export const PolicyFile = z.object({
  title: z.string().trim().min(1).max(200),
  instructions: z.string().max(4000).default(""),
  select: ModerationPolicy.shape.select,
  reason: ModerationPolicy.shape.reason,
  categories: ModerationPolicy.shape.categories,
  /** Show images sharp from the start (default: blurred and grey until the worker reveals them). */
  unblurred: z.boolean().optional(),
});
export type PolicyFile = z.infer<typeof PolicyFile>;

export interface ModerationPolicySpec {
  title: string;
  instructions: string;
  policy: ModerationPolicy;
  unblurred: boolean;
}

export function parsePolicy(value: unknown, where = "the policy"): ModerationPolicySpec {
  const file = PolicyFile.safeParse(value);
  if (!file.success) throw new RequesterError(`${where}: ${describeIssue(file.error.issues[0])}`);
  const policy = ModerationPolicy.safeParse({
    categories: file.data.categories,
    select: file.data.select,
    reason: file.data.reason,
  });
  if (!policy.success) throw new RequesterError(`${where}: ${describeIssue(policy.error.issues[0])}`);
  return {
    title: file.data.title,
    instructions: file.data.instructions,
    policy: policy.data,
    unblurred: file.data.unblurred ?? false,
  };
}

export function readPolicyFile(file: string): ModerationPolicySpec {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new RequesterError(`Policy file not found: ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RequesterError(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parsePolicy(json, file);
}

export function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return "invalid";
  const at = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return `${at}${issue.message}`;
}
