import type { Profile } from "../../../../shared/api";
import { getApi } from "../../api";
import { UPlotChart } from "../../ui/charts/UPlotChart";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { formatSol, solTick } from "../../ui/format";
import { useLiveQuery } from "../../ui/use-live-query";
import { DepositsPanel } from "./DepositsPanel";

const clock = (seconds: number): string =>
  new Date(seconds * 1000).toLocaleString([], { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });

const RATING_TEXT: Record<Profile["rating"]["status"], string> = {
  unrated: "unrated: no reviews yet",
  provisional: "provisional: a few reviews so far, shown with caution",
  rated: "rated",
};

/** Balance, payouts and the rating as the chain holds them. */
export function WalletScreen() {
  const profile = useLiveQuery<Profile>(() => getApi().profile.get(), {
    refreshOn: ["outbox:changed", "keys:changed"],
    intervalMs: 10_000,
  });
  if (profile.error && !profile.value)
    return <ErrorNotice message={`Your profile could not be read. ${profile.error}`} onRetry={profile.reload} />;
  const p = profile.value;
  if (!p) return <p role="status">Reading your profile from the chain…</p>;
  const payouts = [...p.earnings.items].sort((a, b) => a.submittedAt - b.submittedAt);
  const scored = payouts.filter((e) => e.score !== null);
  const recent = payouts.slice(-200);
  const recentScored = scored.slice(-200);
  const withAmp = [...p.earnings.items].filter((e) => e.amp !== null).slice(0, 20);
  return (
    <div className="screen wallet">
      <section className="panel" aria-labelledby="wallet-heading">
        <h2 id="wallet-heading">Wallet</h2>
        <dl className="facts">
          <dt>Address</dt>
          <dd>{p.address}</dd>
          <dt>Balance</dt>
          <dd data-testid="wallet-balance">{formatSol(p.balanceLamports)}</dd>
          <dt>Earned</dt>
          <dd data-testid="wallet-earned">{formatSol(p.earnings.totalLamports)}</dd>
          <dt>Rating</dt>
          <dd data-testid="wallet-rating">
            {p.rating.stars.toFixed(2)} ★ · {RATING_TEXT[p.rating.status]} · {p.rating.reviewCount} review
            {p.rating.reviewCount === 1 ? "" : "s"}
          </dd>
          <dt>Work</dt>
          <dd>
            {p.acceptedCount} accepted · {p.submittedCount} submitted · {p.expiredCount} expired
          </dd>
        </dl>
      </section>
      <DepositsPanel />
      <section className="panel" aria-labelledby="payouts-heading">
        <h2 id="payouts-heading">Payouts</h2>
        {payouts.length === 0 ? (
          <EmptyState title="No payouts yet">Each result is paid the moment it lands on chain.</EmptyState>
        ) : (
          <>
            <UPlotChart
              testId="chart-payouts"
              title="Payout per result (after the fee)"
              xLabel="Submitted"
              yLabel="SOL paid to you"
              xTime
              series={[{ label: "Payout", color: 3, style: "bars" }]}
              data={[recent.map((e) => e.submittedAt), recent.map((e) => e.lamports)]}
              formatX={clock}
              formatY={formatSol}
              tickY={solTick}
              height={180}
            />
            {scored.length > 0 && (
              <UPlotChart
                testId="chart-scores"
                title="Review scores of your results"
                xLabel="Submitted"
                yLabel="Score (0–100)"
                xTime
                series={[{ label: "Score", color: 2, style: "points" }]}
                data={[recentScored.map((e) => e.submittedAt), recentScored.map((e) => e.score)]}
                formatX={clock}
                formatY={(v) => `${Math.round(v)} / 100`}
                tickY={(v) => `${Math.round(v)}`}
                height={180}
              />
            )}
          </>
        )}
        {withAmp.length > 0 && (
          <>
            <h3>AMP earned per reviewed result</h3>
            <ul className="amp-earned" data-testid="wallet-amp-earned">
              {withAmp.map((e) => (
                <li key={`${e.campaign}#${e.taskIndex}`}>
                  {clock(e.submittedAt)} · task {e.taskIndex} · score {e.score ?? "–"} · {e.amp} AMP
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
