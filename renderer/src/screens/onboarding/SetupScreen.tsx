import { useState } from "react";
import type { NetworkInfo, Profile } from "../../../../shared/api";
import { getApi } from "../../api";
import { errorMessage, formatSol } from "../../ui/format";
import { useLiveQuery } from "../../ui/use-live-query";

/** Enough for many registrations and accepts on a test network. */
const AIRDROP_SOL = 2;
const BALANCE_POLL_MS = 2_000;

export interface SetupScreenProps {
  readonly onDone: () => void;
}

/**
 * Between a new key and the market: fund it (automatically from the localnet's faucet, with
 * instructions elsewhere) and register the worker's encryption key on chain.
 */
export function SetupScreen({ onDone }: SetupScreenProps) {
  const network = useLiveQuery<NetworkInfo>(() => getApi().wallet.network());
  // Polled: SOL sent from another wallet (the only way in on a network without a faucet) shows
  // up here by itself, and "Fund and register" then registers without asking the faucet.
  const profile = useLiveQuery<Profile>(() => getApi().profile.get(), {
    refreshOn: ["keys:changed"],
    intervalMs: BALANCE_POLL_MS,
  });
  const [step, setStep] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setError(null);
    try {
      const api = getApi();
      let current = profile.value ?? (await api.profile.get());
      if (current.balanceLamports === 0 && network.value?.hasFaucet) {
        setStep(`Asking the ${network.value.cluster} faucet for ${AIRDROP_SOL} SOL…`);
        await api.wallet.requestAirdrop({ sol: AIRDROP_SOL });
        current = await api.profile.get();
      }
      if (!current.registered || !current.keyMatches) {
        setStep("Registering your encryption key on chain…");
        await api.profile.register();
      }
      setStep(null);
      onDone();
    } catch (e) {
      setStep(null);
      setError(errorMessage(e));
      profile.reload();
    }
  };

  const p = profile.value;
  const n = network.value;
  return (
    <section className="panel onboarding" aria-labelledby="setup-heading">
      <h2 id="setup-heading">Get ready to work</h2>
      {p && (
        <dl className="facts">
          <dt>Your address</dt>
          <dd data-testid="setup-address">{p.address}</dd>
          <dt>Balance</dt>
          <dd data-testid="setup-balance">{formatSol(p.balanceLamports)}</dd>
          <dt>Network</dt>
          <dd>{n ? `${n.cluster} (${n.rpcUrl})` : "…"}</dd>
          <dt>On-chain profile</dt>
          <dd>{p.registered ? (p.keyMatches ? "registered" : "registered with another key") : "not registered yet"}</dd>
        </dl>
      )}
      {n && !n.hasFaucet && p?.balanceLamports === 0 && (
        <p>
          This network has no faucet. Send a little SOL (0.01 is plenty for fees) to your address above from any wallet,
          then continue.
        </p>
      )}
      {n?.cluster === "devnet" && (
        <p className="muted">
          On devnet the faucet may be rate limited; `solana airdrop 1 &lt;address&gt; --url devnet` also works.
        </p>
      )}
      {profile.error && (
        <p role="alert" className="error-text">
          {profile.error}
        </p>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {step && <p role="status">{step}</p>}
      <button onClick={() => void run()} disabled={step !== null || !p} autoFocus>
        {p?.registered && p.keyMatches ? "Continue to the market" : "Fund and register"}
      </button>
    </section>
  );
}
