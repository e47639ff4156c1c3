import type { Profile } from "../../../../shared/api";
import { getApi } from "../../api";
import { BarChart } from "../../ui/BarChart";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { formatSol, shortAddress } from "../../ui/format";
import { useLiveQuery } from "../../ui/use-live-query";

const RATING_TEXT: Record<Profile["rating"]["status"], string> = {
  unrated: "unrated: no reviews yet",
  provisional: "provisional: a few reviews so far, shown with caution",
  rated: "rated",
};

/** Balance, payouts and the rating as the chain holds them. */
export function WalletScreen() {
  const profile = useLiveQuery<Profile>(() => getApi().profile.get(), { refreshOn: ["outbox:changed", "keys:changed"], intervalMs: 10_000 });
  if (profile.error && !profile.value) return <ErrorNotice message={`Your profile could not be read: ${profile.error}`} onRetry={profile.reload} />;
  const p = profile.value;
  if (!p) return <p role="status">Reading your profile from the chain…</p>;
  const payouts = [...p.earnings.items].sort((a, b) => a.submittedAt - b.submittedAt);
  const scored = payouts.filter((e) => e.score !== null);
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
            {p.rating.stars.toFixed(2)} ★ · {RATING_TEXT[p.rating.status]} · {p.rating.reviewCount} review{p.rating.reviewCount === 1 ? "" : "s"}
          </dd>
          <dt>Work</dt>
          <dd>
            {p.acceptedCount} accepted · {p.submittedCount} submitted · {p.expiredCount} expired
          </dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="payouts-heading">
        <h2 id="payouts-heading">Payouts</h2>
        {payouts.length === 0 ? (
          <EmptyState title="No payouts yet">Each result is paid the moment it lands on chain.</EmptyState>
        ) : (
          <>
            <BarChart title="Payout per result, oldest first" data={payouts.slice(-40).map((e) => ({ label: `${shortAddress(e.campaign)} #${e.taskIndex}`, value: e.lamports }))} format={formatSol} />
            {scored.length > 0 && (
              <BarChart title="Review scores over time (0–100)" data={scored.slice(-40).map((e) => ({ label: `${shortAddress(e.campaign)} #${e.taskIndex}`, value: e.score ?? 0 }))} format={(v) => `${v}`} />
            )}
          </>
        )}
      </section>
    </div>
  );
}
