import { useState } from "react";
import type { FormEvent } from "react";
import type { KeyStatus } from "../../../../shared/api";
import { getApi } from "../../api";
import { humanSentence } from "../../ui/field-errors";
import { FieldMessage, useFieldErrors } from "../../ui/use-field-errors";

type Mode = "create" | "import-file" | "import-secret";

/** The key form's fields as keys:create and keys:import name them. */
const KEY_FIELDS = ["source.path", "source.secret", "passphrase"] as const;
const FIX_BELOW = "Some fields need a change: see the sentences next to them.";

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
      setError(humanSentence(e instanceof Error ? e.message : String(e)));
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
  const errors = useFieldErrors(KEY_FIELDS);
  const [busy, setBusy] = useState(false);
  const mismatch = confirm.length > 0 && confirm !== passphrase;
  const tooShort = passphrase.length > 0 && passphrase.length < 8;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mismatch || passphrase.length < 8) return;
    setBusy(true);
    errors.clear();
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
      errors.fail(e);
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
        <div className="field">
          <label>
            Keypair file path
            <input
              value={path}
              onChange={(e) => {
                setPath(e.target.value);
                errors.clearField("source.path");
              }}
              placeholder="~/.config/solana/id.json"
              required
              {...errors.inputProps("source.path")}
            />
          </label>
          <FieldMessage errors={errors} field="source.path" />
        </div>
      )}
      {mode === "import-secret" && (
        <div className="field">
          <label>
            Secret key (base58)
            <input
              type="password"
              autoComplete="off"
              value={secret}
              onChange={(e) => {
                setSecret(e.target.value);
                errors.clearField("source.secret");
              }}
              required
              {...errors.inputProps("source.secret")}
            />
          </label>
          <FieldMessage errors={errors} field="source.secret" />
        </div>
      )}
      <label>
        Passphrase (at least 8 characters)
        <input
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          aria-invalid={tooShort || errors.message("passphrase") !== undefined || undefined}
          aria-describedby={
            [tooShort ? "passphrase-error" : "", errors.message("passphrase") ? errors.idOf("passphrase") : ""]
              .filter(Boolean)
              .join(" ") || undefined
          }
        />
      </label>
      <FieldMessage errors={errors} field="passphrase" />
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
      {/* the field sentences above are read with their inputs; this says that there are some */}
      <div role="alert" className="form-outcome">
        {errors.general && <p className="error-text">{errors.general}</p>}
        {!errors.general && !errors.ok && <p className="visually-hidden">{FIX_BELOW}</p>}
      </div>
      <button type="submit" disabled={busy || mismatch || passphrase.length < 8 || confirm !== passphrase}>
        {busy ? "Sealing your key…" : mode === "create" ? "Create my key" : "Import my key"}
      </button>
    </form>
  );
}
