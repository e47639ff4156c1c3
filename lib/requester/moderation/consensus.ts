// Consensus over moderation votes, per item: the majority decision, how many voters gave
// exactly that decision (agreement), and a confidence that does not overclaim from few votes.
// Pure functions: review and export both use them, and unit tests drive them directly.
import type { ModerationPolicy, Severity } from "../../../shared/moderation";
import { SEVERITIES } from "../../../shared/moderation";

export interface ModerationVote {
  voter: string;
  decisions: readonly string[];
}

export interface ItemConsensus {
  /** The majority decision (sorted category ids); empty when nobody voted. */
  decision: string[];
  /** Votes per category id (a multi-select vote counts once for each of its categories). */
  votes: Record<string, number>;
  voters: number;
  /** Share of voters whose decision is exactly `decision` (0..1). */
  agreement: number;
  /**
   * (agreeing + 1) / (voters + 2): agreement with one pseudo-vote for and one against, so a
   * single vote is 0.67, three unanimous votes 0.8, ten 0.92 — never 1 from a handful of people.
   */
  confidence: number;
}

const key = (decisions: readonly string[]): string => [...new Set(decisions)].sort().join("\u0000");

export function consensusOf(policy: ModerationPolicy, votes: readonly ModerationVote[]): ItemConsensus {
  const counts: Record<string, number> = {};
  for (const c of policy.categories) counts[c.id] = 0;
  for (const v of votes) for (const d of new Set(v.decisions)) counts[d] = (counts[d] ?? 0) + 1;
  if (votes.length === 0) return { decision: [], votes: counts, voters: 0, agreement: 0, confidence: 0 };
  // Ties go to the more severe category, then to policy order: when people split, err on caution.
  const rank = (id: string): number => {
    const c = policy.categories.find((x) => x.id === id);
    return c ? SEVERITIES.indexOf(c.severity as Severity) * 100 - policy.categories.indexOf(c) : -1;
  };
  const ordered = Object.keys(counts).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || rank(b) - rank(a));
  let decision: string[];
  if (policy.select === "single") decision = ordered.slice(0, 1);
  else {
    decision = ordered.filter((id) => (counts[id] ?? 0) * 2 > votes.length);
    if (decision.length === 0) decision = ordered.slice(0, 1);
  }
  decision.sort();
  const agreeing = votes.filter((v) => key(v.decisions) === key(decision)).length;
  return {
    decision,
    votes: counts,
    voters: votes.length,
    agreement: agreeing / votes.length,
    confidence: (agreeing + 1) / (votes.length + 2),
  };
}

/** Jaccard similarity of two decisions (1 = the same categories). */
export function decisionAgreement(a: readonly string[], b: readonly string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  const union = new Set([...x, ...y]);
  if (union.size === 0) return 1;
  let both = 0;
  for (const id of x) if (y.has(id)) both++;
  return both / union.size;
}

/**
 * A voter's agreement with the consensus of the *other* voters on the item (leave-one-out, so
 * nobody is scored against their own vote); undefined when nobody else voted.
 */
export function voteAgreement(
  policy: ModerationPolicy,
  vote: ModerationVote,
  all: readonly ModerationVote[],
): number | undefined {
  const others = all.filter((v) => v !== vote);
  if (others.length === 0) return undefined;
  return decisionAgreement(vote.decisions, consensusOf(policy, others).decision);
}
