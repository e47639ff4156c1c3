import { useState } from "react";
import type { GovernanceOverview, ProposalView } from "../../../../shared/api";
import { getApi } from "../../api";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { errorMessage, formatSol } from "../../ui/format";
import { useLiveQuery } from "../../ui/use-live-query";
import { ProposeForm } from "./ProposeForm";

const STATUS_TEXT: Record<ProposalView["status"], string> = {
  voting: "voting",
  failed: "did not pass",
  timelocked: "passed, in its timelock",
  executable: "passed, ready to execute",
  expired: "passed, not executed in time",
  executed: "executed",
};

/** What a Close returns, to whom, in one sentence. */
export function closeSentence(close: NonNullable<ProposalView["close"]>): string {
  const parts: string[] = [];
  if (close.voteLamports > 0) parts.push(`your vote record's rent, ${formatSol(close.voteLamports)}, to you`);
  if (close.proposalLamports > 0)
    parts.push(
      `the proposal's rent, ${formatSol(close.proposalLamports)}, to its proposer${close.proposerIsMe ? " (you)" : ""}`,
    );
  return `Closing returns ${parts.join(" and ")}; you pay only the transaction fee.`;
}

function closedSentence(id: number, voteLamports: number, proposalLamports: number): string {
  const parts: string[] = [];
  if (voteLamports > 0) parts.push(`${formatSol(voteLamports)} to you`);
  if (proposalLamports > 0) parts.push(`${formatSol(proposalLamports)} to the proposer`);
  return `Closed #${id}: ${parts.join(" and ")}.`;
}

function upgradeText(authority: GovernanceOverview["upgradeAuthority"]): string {
  switch (authority.holder) {
    case "governance":
      return "held by governance: a passed proposal hands the upgrade authority on";
    case "key":
      return `held by ${authority.address}`;
    case "immutable":
      return "none: the program is immutable";
    case "unknown":
      return "unknown";
  }
}

function timeLeft(seconds: number): string {
  if (seconds >= 3600) return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min left`;
  if (seconds >= 60) return `${Math.floor(seconds / 60)} min left`;
  return `${seconds} s left`;
}

/** AMP: what the wallet holds and stakes, its share of the fees, and the proposals it can vote on. */
export function GovernanceScreen() {
  const overview = useLiveQuery<GovernanceOverview>(() => getApi().governance.overview(), {
    refreshOn: ["keys:changed", "outbox:changed"],
    intervalMs: 10_000,
  });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      setNotice(await work());
      overview.reload();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  if (overview.error && !overview.value)
    return <ErrorNotice message={`Governance could not be read. ${overview.error}`} onRetry={overview.reload} />;
  const o = overview.value;
  if (!o) return <p role="status">Reading AMP governance from the chain…</p>;
  if (!o.available)
    return (
      <EmptyState title="No AMP governance on this network">
        The program on this network has no AMP token yet (its operator runs init_governance).
      </EmptyState>
    );
  const me = o.me;
  return (
    <div className="screen governance">
      <section className="panel" aria-labelledby="governance-heading">
        <h2 id="governance-heading">Governance</h2>
        <dl className="facts">
          <dt>Protocol fee</dt>
          <dd data-testid="governance-fee">{o.feeBps / 100} %</dd>
          <dt>Staked by everyone</dt>
          <dd>{o.totalStaked} AMP</dd>
          <dt>Program upgrades</dt>
          <dd data-testid="governance-upgrade-authority">{upgradeText(o.upgradeAuthority)}</dd>
          {me && (
            <>
              <dt>Your AMP</dt>
              <dd data-testid="governance-amp">{me.ampBalance} AMP</dd>
              <dt>Staked</dt>
              <dd data-testid="governance-staked">
                {me.staked} AMP{me.unbonding !== "0" ? ` (${me.unbonding} unstaking)` : ""}
              </dd>
              <dt>Claimable</dt>
              <dd data-testid="governance-claimable">{formatSol(me.claimableLamports)}</dd>
              {me.ampPending !== "0" && (
                <>
                  <dt>Earned AMP to mint</dt>
                  <dd>{me.ampPending} AMP</dd>
                </>
              )}
            </>
          )}
        </dl>
        {me && (
          <div className="actions">
            <button
              type="button"
              disabled={busy || me.claimableLamports === 0}
              onClick={() =>
                void act(async () => {
                  const { lamports } = await getApi().governance.claim();
                  return `Claimed ${formatSol(lamports)}.`;
                })
              }
            >
              Claim
            </button>
            {me.ampBalance !== "0" && (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void act(async () => {
                    await getApi().governance.stake({ amp: me.ampBalance });
                    return `Staked ${me.ampBalance} AMP.`;
                  })
                }
              >
                Stake all
              </button>
            )}
          </div>
        )}
        {notice && (
          <p role="status" data-testid="governance-notice">
            {notice}
          </p>
        )}
        {failure && <p role="alert">{failure}</p>}
        {me && me.staked !== "0" && (
          <ProposeForm
            onProposed={(text) => {
              setFailure(null);
              setNotice(text);
              overview.reload();
            }}
          />
        )}
        {!o.governed && (
          <p className="hint">
            The config authority has not been handed to governance yet: passed proposals cannot execute.
          </p>
        )}
      </section>
      <section className="panel" aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">Proposals</h2>
        {o.proposals.length === 0 ? (
          <EmptyState title="No proposals yet">
            A staker above the threshold can propose here or with `amplify governance propose`.
          </EmptyState>
        ) : (
          <ul className="proposals" data-testid="proposals">
            {[...o.proposals].reverse().map((p) => (
              <li key={p.id} data-testid={`proposal-${p.id}`}>
                <strong>
                  #{p.id} {p.description}
                </strong>
                <div>
                  For {p.forVotes} · against {p.againstVotes} AMP (quorum {p.quorum}) · {STATUS_TEXT[p.status]}
                  {p.status === "voting" || p.status === "timelocked" ? ` · ${timeLeft(p.secondsLeft)}` : ""}
                  {p.myVote ? ` · you voted ${p.myVote}` : ""}
                </div>
                {p.status === "voting" && !p.myVote && me && (
                  <div className="actions">
                    {([true, false] as const).map((support) => (
                      <button
                        key={String(support)}
                        type="button"
                        disabled={busy}
                        onClick={() =>
                          void act(
                            async () => (
                              await getApi().governance.vote({ id: p.id, support }),
                              `Voted ${support ? "for" : "against"} #${p.id}.`
                            ),
                          )
                        }
                      >
                        {support ? "Vote for" : "Vote against"}
                      </button>
                    ))}
                  </div>
                )}
                {p.status === "executable" && (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() =>
                      void act(async () => (await getApi().governance.execute({ id: p.id }), `Executed #${p.id}.`))
                    }
                  >
                    Execute
                  </button>
                )}
                {p.close && (
                  <div className="actions">
                    <p className="hint" id={`close-${p.id}-what`}>
                      {closeSentence(p.close)}
                    </p>
                    <button
                      type="button"
                      disabled={busy}
                      aria-describedby={`close-${p.id}-what`}
                      onClick={() =>
                        void act(async () => {
                          const { voteLamports, proposalLamports } = await getApi().governance.close({ id: p.id });
                          return closedSentence(p.id, voteLamports, proposalLamports);
                        })
                      }
                    >
                      Close
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
