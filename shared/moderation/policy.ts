import { z } from "zod";

/**
 * A moderation campaign's policy: the categories a worker may choose for each item. At most nine,
 * because each gets a digit hotkey (1–9) and the worker's hands never leave the keyboard.
 */
export const SEVERITIES = ["none", "low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const MAX_CATEGORIES = 9;
/** A text item's UTF-8 size limit: room for a long post or a hostile 100 KB line, not a book. */
export const MAX_TEXT_ITEM_BYTES = 256 * 1024;
export const MAX_REASON_CHARS = 1000;

export const CategoryId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,31}$/,
    "a category id is 1–32 lower-case letters, digits, - or _, starting with a letter or digit",
  );

export const ModerationCategory = z.object({
  id: CategoryId,
  name: z.string().trim().min(1).max(64),
  description: z.string().max(500).default(""),
  severity: z.enum(SEVERITIES),
});
export type ModerationCategory = z.infer<typeof ModerationCategory>;

export const ModerationPolicy = z
  .object({
    categories: z.array(ModerationCategory).min(1).max(MAX_CATEGORIES),
    /** "single": exactly one category per item; "multi": one or more. */
    select: z.enum(["single", "multi"]),
    /** Whether a free-text reason is not asked for, optional, or required for every item. */
    reason: z.enum(["off", "optional", "required"]).default("optional"),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.categories.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({ code: "custom", path: ["categories", i, "id"], message: `category id "${c.id}" is used twice` });
      seen.add(c.id);
    });
  });
export type ModerationPolicy = z.infer<typeof ModerationPolicy>;

/** What a moderation campaign adds to its metadata (shared/api CampaignMetadata.moderation). */
export const ModerationSpec = z.object({
  policy: ModerationPolicy,
  /** Whether images are shown sharp from the start; the default (false) blurs them until revealed. */
  unblurred: z.boolean().optional(),
});
export type ModerationSpec = z.infer<typeof ModerationSpec>;

/** The label kind a moderation campaign's metadata names. */
export const MODERATION_LABEL_KIND = "moderation";
