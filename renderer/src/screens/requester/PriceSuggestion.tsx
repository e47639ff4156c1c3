import { useEffect, useState } from "react";
import type { Quote } from "../../../../shared/api";
import { getApi } from "../../api";
import { errorMessage, formatSol } from "../../ui/format";

export interface PriceSuggestionProps {
  readonly labelKind: string;
  readonly minStars: string;
  readonly replication: string;
  readonly deadlineDays: string;
  /** Called with a price in SOL as the form's field takes it ("0.002"). */
  readonly onUse: (priceSol: string) => void;
}

/** Lamports as the decimal SOL text the price field takes, exact to the lamport. */
export function solText(lamports: number): string {
  return formatSol(lamports).replace(/ SOL$/, "");
}

const duration = (s: number): string =>
  s < 120
    ? `${s} s`
    : s < 7200
      ? `${Math.round(s / 60)} min`
      : s < 172_800
        ? `${Math.round(s / 3600)} h`
        : `${Math.round(s / 86_400)} days`;

/**
 * What similar recent campaigns paid when they filled within this deadline, from the market
 * events core has stored, and what the whole campaign would cost at that price.
 */
export function PriceSuggestion({ labelKind, minStars, replication, deadlineDays, onUse }: PriceSuggestionProps) {
  const [tasks, setTasks] = useState("100");
  const [quote, setQuote] = useState<Quote | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stars = Number(minStars);
  const repl = Number(replication);
  const days = Number(deadlineDays);
  const count = Number(tasks);
  const problem =
    !Number.isFinite(stars) || stars < 0 || stars > 5
      ? "The minimum rating is 0 to 5 stars."
      : !Number.isInteger(repl) || repl < 1 || repl > 100
        ? "Workers per task is a whole number from 1 to 100."
        : !Number.isFinite(days) || days < 1
          ? "The deadline is at least one day."
          : !Number.isInteger(count) || count < 1 || count > 100_000
            ? "The number of tasks is a whole number from 1 to 100,000."
            : null;

  useEffect(() => {
    if (problem) return;
    let stale = false;
    const timer = setTimeout(() => {
      getApi()
        .feed.quote({
          labelKind,
          minRating: Math.round(stars * 2000),
          replication: repl,
          deadlineSeconds: Math.round(days * 86_400),
          tasks: count,
        })
        .then(
          (q) => {
            if (stale) return;
            setQuote(q);
            setError(null);
          },
          (e: unknown) => !stale && setError(errorMessage(e)),
        );
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [problem, labelKind, stars, repl, days, count]);

  return (
    <div className="price-suggestion" data-testid="price-suggestion" aria-live="polite">
      <strong>Suggested price</strong>{" "}
      <label>
        for{" "}
        <input
          type="number"
          min={1}
          max={100_000}
          value={tasks}
          onChange={(e) => setTasks(e.target.value)}
          aria-label="Tasks in the campaign (for the total cost)"
          className="narrow"
        />{" "}
        tasks
      </label>
      {problem && <p className="field-error">{problem}</p>}
      {error && <p className="field-error">The market could not be read for a suggestion: {error}</p>}
      {!problem && quote && (
        <>
          {quote.priceLamports === null ? (
            <p data-testid="suggestion-none">{quote.basis}</p>
          ) : (
            <>
              <dl>
                <dt>Price per task</dt>
                <dd data-testid="suggested-price">{formatSol(quote.priceLamports)}</dd>
                <dt>Spread (middle half)</dt>
                <dd>
                  {formatSol(quote.lowLamports ?? 0)} – {formatSol(quote.highLamports ?? 0)}
                </dd>
                <dt>Sample</dt>
                <dd data-testid="suggestion-sample">
                  {quote.sampleSize} of {quote.similar} similar campaigns filled in time
                  {quote.medianFillSeconds !== null ? `, typically in ${duration(quote.medianFillSeconds)}` : ""}
                </dd>
                {quote.cost && (
                  <>
                    <dt>Total cost</dt>
                    <dd data-testid="suggestion-total">
                      {formatSol(quote.cost.totalLamports)} = workers {formatSol(quote.cost.workersLamports)} + fees{" "}
                      {formatSol(quote.cost.feesLamports)} ({quote.feeBps / 100} %) + rent{" "}
                      {formatSol(quote.cost.rentLamports)} + network {formatSol(quote.cost.networkLamports)}
                    </dd>
                  </>
                )}
              </dl>
              <p className="muted small">{quote.basis}</p>
              <button type="button" onClick={() => onUse(solText(quote.priceLamports!))} data-testid="use-suggestion">
                Use {formatSol(quote.priceLamports)}
              </button>
            </>
          )}
        </>
      )}
    </div>
  );
}
