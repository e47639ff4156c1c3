import { z } from "zod";
import { call } from "./define";

/** AMP amounts travel as decimal strings ("600", "0.00004"): base units exceed 2^53. */
const AmpText = z.string().regex(/^\d+(\.\d{1,9})?$/);
const Lamports = z.number().int().nonnegative();

export const ProposalView = z.object({
  id: z.number().int().nonnegative(),
  /** What executing it would do, in words ("fee 4 %"). */
  description: z.string(),
  forVotes: AmpText,
  againstVotes: AmpText,
  quorum: AmpText,
  status: z.enum(["voting", "failed", "timelocked", "executable", "expired", "executed"]),
  /** Seconds until the vote ends (voting) or execution opens (timelocked). */
  secondsLeft: z.number().int().nonnegative(),
  /** This wallet's vote on it, if any. */
  myVote: z.enum(["for", "against"]).nullable(),
  /**
   * What a Close by this wallet would return now, or null when nothing closes yet: its own vote
   * record's lamports (to this wallet, once the vote is over) and the proposal's (to its proposer,
   * once executed, failed past its timelock or expired); 0 for the part that cannot close.
   */
  close: z
    .object({
      voteLamports: Lamports,
      proposalLamports: Lamports,
      /** The proposal's rent comes back to this wallet too (it proposed). */
      proposerIsMe: z.boolean(),
    })
    .nullable(),
});
export type ProposalView = z.infer<typeof ProposalView>;

export const GovernanceOverview = z.object({
  /** False on a cluster where AMP governance was never initialised. */
  available: z.boolean(),
  feeBps: z.number().int().min(0).max(1000),
  totalStaked: AmpText,
  governed: z.boolean(),
  /**
   * Who may replace the program's code (its ProgramData's upgrade authority): the governance account
   * (proposals hand it on), another key, nobody (immutable), or unknown (not the upgradeable loader).
   */
  upgradeAuthority: z.discriminatedUnion("holder", [
    z.object({ holder: z.enum(["governance", "immutable", "unknown"]) }),
    z.object({ holder: z.literal("key"), address: z.string() }),
  ]),
  me: z
    .object({
      ampBalance: AmpText,
      staked: AmpText,
      unbonding: AmpText,
      claimableLamports: Lamports,
      /** AMP reviews credited to the profile before the wallet had an AMP account. */
      ampPending: AmpText,
    })
    .nullable(),
  proposals: z.array(ProposalView),
});
export type GovernanceOverview = z.infer<typeof GovernanceOverview>;

const Sent = z.object({ signature: z.string() });

/** Addresses and amounts travel as typed: core checks them and answers a field's sentence. */
const Typed = z.string().max(64);
/** A proposal as the Governance screen's form writes it (reward rates stay on the command line). */
export const ProposeInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fee"), percent: Typed }),
  z.object({ kind: z.literal("pause"), paused: z.boolean() }),
  z.object({ kind: z.literal("spend"), sol: Typed, to: Typed }),
  z.object({ kind: z.literal("authority"), to: Typed }),
  z.object({ kind: z.literal("upgrade-authority"), to: Typed }),
  /** Irreversible: only with the box ticked that says so. */
  z.object({ kind: z.literal("immutable"), confirmed: z.boolean() }),
]);
export type ProposeInput = z.infer<typeof ProposeInput>;

export const governanceCalls = {
  /** The wallet's AMP, stake and claimable SOL, and every proposal with tallies and time left. */
  "governance:overview": call(z.undefined(), GovernanceOverview),
  /** Claims the wallet's share of the fees. */
  "governance:claim": call(z.undefined(), Sent.extend({ lamports: Lamports })),
  "governance:stake": call(z.object({ amp: AmpText }), Sent),
  "governance:vote": call(z.object({ id: z.number().int().nonnegative(), support: z.boolean() }), Sent),
  /** A staker above the threshold proposes; the answer names the new proposal's id. */
  "governance:propose": call(ProposeInput, Sent.extend({ id: z.number().int().nonnegative() })),
  /** Anyone may execute a passed proposal after its timelock. */
  "governance:execute": call(z.object({ id: z.number().int().nonnegative() }), Sent),
  /** Closes what is due: the wallet's vote record (rent to it) and the proposal (rent to its proposer). */
  "governance:close": call(
    z.object({ id: z.number().int().nonnegative() }),
    Sent.extend({ voteLamports: Lamports, proposalLamports: Lamports }),
  ),
};
