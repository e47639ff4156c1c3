import { useState } from "react";
import type { FormEvent } from "react";
import type { KeyStatus } from "../../../../shared/api";
import { getApi } from "../../api";
import { errorMessage } from "../../ui/format";

type Mode = "create" | "import-file" | "import-secret";

export interface OnboardingScreenProps {
  readonly status: KeyStatus;
  readonly onReady: (status: KeyStatus) => void;
}

/**
 * First run and every locked start: create or import a key sealed with a passphrase, or unlock
 * the one on disk. The secret never comes back from core; only the public key is shown.
 */
export function OnboardingScreen({ status, onReady }: OnboardingScreenProps) {
  if (status.state === "locked") return <UnlockForm status={status} onReady={onReady} />;
  if (status.state === "damaged") {
    return (
      <section className="panel onboarding" role="alert">
        <h2>Your keystore cannot be read</h2>
        <p>
          The keystore file in the data directory is damaged. Amplify has not changed it. Restore it from a backup, or
          import your key again below: the damaged file is kept aside, not overwritten.
        </p>
        <CreateOrImport onReady={onReady} replace />
      </section>
    );
  }
  return (
    <section className="panel onboarding" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">Welcome to Amplify</h2>
      <p>
        Label data, get paid in SOL the moment a result lands. Your key stays on this computer, sealed with a
        passphrase; task data is decrypted only in memory.
      </p>
      <CreateOrImport onReady={onReady} replace={false} />
    </section>
  );
}

function UnlockForm({ status, onReady }: OnboardingScreenProps) {
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onReady(await getApi().keys.unlock({ passphrase }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setPassphrase("");
    }
  };
  return (
    <form className="panel onboarding" onSubmit={submit} aria-labelledby="unlock-heading">
      <h2 id="unlock-heading">Unlock your key</h2>
      <p className="muted">Key {status.publicKey}</p>
      <label>
        Passphrase
        <input
          type="password"
          autoFocus
          autoComplete="current-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? "unlock-error" : undefined}
        />
      </label>
      {error && (
        <p role="alert" className="error-text" id="unlock-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || passphrase.length === 0}>
        {busy ? "Unlocking…" : "Unlock"}
      </button>
    </form>
  );
}

function CreateOrImport({ onReady, replace }: { readonly onReady: (s: KeyStatus) => void; readonly replace: boolean }) {
  const [mode, setMode] = useState<Mode>("create");
  const [passphrase, setPassphrase] = useState("");
  const [confirm, setConfirm] = useState("");
  const [path, setPath] = useState("");
  const [secret, setSecret] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = confirm.length > 0 && confirm !== passphrase;
  const tooShort = passphrase.length > 0 && passphrase.length < 8;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mismatch || passphrase.length < 8) return;
    setBusy(true);
    setError(null);
    try {
      const api = getApi();
      const status =
        mode === "create"
          ? await api.keys.create({ passphrase, replace })
          : await api.keys.import({
              passphrase,
              replace,
              source: mode === "import-file" ? { kind: "file", path } : { kind: "base58", secret },
            });
      onReady(status);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setSecret("");
    }
  };

  return (
    <form onSubmit={submit} className="onboarding-form">
      <fieldset>
        <legend>Your key</legend>
        <label className="radio">
          <input type="radio" name="mode" checked={mode === "create"} onChange={() => setMode("create")} /> Create a new
          key
        </label>
        <label className="radio">
          <input type="radio" name="mode" checked={mode === "import-file"} onChange={() => setMode("import-file")} />{" "}
          Import a Solana CLI keypair file
        </label>
        <label className="radio">
          <input
            type="radio"
            name="mode"
            checked={mode === "import-secret"}
            onChange={() => setMode("import-secret")}
          />{" "}
          Import a base58 secret key
        </label>
      </fieldset>
      {mode === "import-file" && (
        <label>
          Keypair file path
          <input
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="~/.config/solana/id.json"
            required
            aria-invalid={error !== null}
            aria-describedby={error ? "key-error" : undefined}
          />
        </label>
      )}
      {mode === "import-secret" && (
        <label>
          Secret key (base58)
          <input
            type="password"
            autoComplete="off"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            required
            aria-invalid={error !== null}
            aria-describedby={error ? "key-error" : undefined}
          />
        </label>
      )}
      <label>
        Passphrase (at least 8 characters)
        <input
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          aria-invalid={tooShort || (error !== null && mode === "create")}
          aria-describedby={
            [tooShort ? "passphrase-error" : "", error && mode === "create" ? "key-error" : ""]
              .filter(Boolean)
              .join(" ") || undefined
          }
        />
      </label>
      <label>
        Repeat the passphrase
        <input
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          aria-invalid={mismatch}
          aria-describedby={mismatch ? "confirm-error" : undefined}
        />
      </label>
      {/* always present, so the sentences are read when they appear while typing */}
      <div aria-live="polite">
        {tooShort && (
          <p className="error-text" id="passphrase-error">
            The passphrase needs at least 8 characters.
          </p>
        )}
        {mismatch && (
          <p className="error-text" id="confirm-error">
            The two passphrases differ.
          </p>
        )}
      </div>
      {error && (
        <p role="alert" className="error-text" id="key-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || mismatch || passphrase.length < 8 || confirm !== passphrase}>
        {busy ? "Sealing your key…" : mode === "create" ? "Create my key" : "Import my key"}
      </button>
    </form>
  );
}
