import { z } from "zod";
import { call } from "./define";

const Lamports = z.number().int().nonnegative();

export const RatingView = z.object({
  /** unrated: no reviews yet; provisional: fewer reviews than the prior's weight; rated: enough. */
  status: z.enum(["unrated", "provisional", "rated"]),
  /** 0..10000 as the program stores it (unrated workers hold the prior, 2000). */
  value: z.number().int().min(0).max(10_000),
  stars: z.number().min(0).max(5),
  reviewCount: z.number().int().nonnegative(),
});
export type RatingView = z.infer<typeof RatingView>;

export const Earning = z.object({
  assignment: z.string(),
  campaign: z.string(),
  taskIndex: z.number().int().nonnegative(),
  lamports: Lamports,
  submittedAt: z.number().int(),
  score: z.number().int().min(0).max(100).nullable(),
  /** AMP the review of this result earned the worker (decimal AMP), null before a review or without AMP. */
  amp: z
    .string()
    .regex(/^\d+(\.\d{1,9})?$/)
    .nullable()
    .default(null),
});
export type Earning = z.infer<typeof Earning>;

export const Profile = z.object({
  address: z.string(),
  registered: z.boolean(),
  /** False when the key on chain is not this keystore's X25519 key (profile:register fixes it). */
  keyMatches: z.boolean(),
  balanceLamports: Lamports,
  rating: RatingView,
  acceptedCount: z.number().int().nonnegative(),
  submittedCount: z.number().int().nonnegative(),
  expiredCount: z.number().int().nonnegative(),
  earnings: z.object({ totalLamports: Lamports, items: z.array(Earning).max(1000) }),
  /** Set when the chain could not be reached: this is the profile as read then (unix ms). */
  cachedAt: z.number().int().optional(),
});
export type Profile = z.infer<typeof Profile>;

export const profileCalls = {
  "profile:get": call(z.undefined(), Profile),
  /** Registers (or re-keys) the worker's X25519 key on chain; a no-op when already right. */
  "profile:register": call(z.undefined(), z.object({ signature: z.string().nullable(), profile: Profile })),
};
