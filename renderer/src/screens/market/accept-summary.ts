import type { AcceptOutcome } from "../../../../shared/api";

export interface AcceptSummary {
  readonly requested: number;
  readonly accepted: number;
  /** Every requested task was taken: the worker can go straight to the queue. */
  readonly complete: boolean;
  readonly text: string;
}

/**
 * The sentence the Market shows after an accept: how many of the requested tasks were taken and,
 * when fewer, why (core's reasons, each once). Counted from what was asked, not from the failure
 * rows: one row such as "insufficient funds for deposits" stands for every task it held back.
 */
export function summariseAccept(requested: number, outcomes: readonly AcceptOutcome[]): AcceptSummary {
  const accepted = outcomes.filter((o) => o.ok).length;
  const reasons = [...new Set(outcomes.filter((o) => !o.ok).map((o) => o.error ?? "no reason given"))];
  const complete = accepted >= requested;
  const tasks = (n: number) => `${n} task${n === 1 ? "" : "s"}`;
  let text: string;
  if (complete) text = `Accepted ${tasks(accepted)}.`;
  else if (accepted === 0) text = `Accepted none of ${tasks(requested)}: ${reasons.join("; ")}`;
  else
    text =
      `Accepted ${accepted} of ${tasks(requested)}. ` +
      `The other ${requested - accepted} could not be taken: ${reasons.join("; ")}`;
  return { requested, accepted, complete, text };
}
