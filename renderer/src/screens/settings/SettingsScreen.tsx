import { useEffect, useRef, useState } from "react";
import type { FormEvent } from "react";
import type { CanvasHabits, NetStatus, Settings } from "../../../../shared/api";
import { DEFAULT_CANVAS_HABITS } from "../../../../shared/api";
import { getApi } from "../../api";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { FieldMessage, useFieldErrors } from "../../ui/use-field-errors";
import { useLiveQuery } from "../../ui/use-live-query";

const RPC_PRESETS: ReadonlyArray<{ label: string; url: string }> = [
  { label: "Bundled localnet", url: "http://127.0.0.1:8899" },
  { label: "Devnet", url: "https://api.devnet.solana.com" },
  { label: "Mainnet", url: "https://api.mainnet-beta.solana.com" },
];

/** The settings' fields as settings:update names them (core's sentences come back by these). */
const FIELDS = ["rpcUrl", "programAddress", "blobGateways", "prefetchCount", "autoLockMinutes", "theme"] as const;

/** Network, data gateways, prefetch, auto-lock and theme; each change is validated by core. */
export function SettingsScreen() {
  const settings = useLiveQuery<Settings>(() => getApi().settings.get(), { refreshOn: ["settings:changed"] });
  const [draft, setDraft] = useState<Settings | null>(null);
  const [health, setHealth] = useState<NetStatus | null>(null);
  const errors = useFieldErrors(FIELDS);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement | null>(null);
  const [attempts, setAttempts] = useState(0);
  useEffect(() => {
    if (attempts > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts]);
  // Save disables itself once saved, which would drop focus to the page: the confirmation takes it.
  const savedRef = useRef<HTMLParagraphElement | null>(null);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);
  const current = draft ?? settings.value;
  if (settings.error && !current) return <ErrorNotice message={settings.error} onRetry={settings.reload} />;
  if (!current) return <p role="status">Loading settings…</p>;
  const edit = (patch: Partial<Settings>) => {
    setSaved(false);
    setDraft({ ...current, ...patch });
    for (const key of Object.keys(patch)) errors.clearField(key);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    try {
      await getApi().settings.update(current);
      setDraft(null);
      setSaved(true);
      setHealth(await getApi().net.status());
    } catch (e) {
      errors.fail(e);
      setAttempts((n) => n + 1);
    }
  };

  const habits: CanvasHabits = { ...DEFAULT_CANVAS_HABITS, ...current.canvas };
  const presetMatch = RPC_PRESETS.find((p) => p.url === current.rpcUrl);
  return (
    <form className="panel settings" onSubmit={save} aria-labelledby="settings-heading" ref={formRef}>
      <h2 id="settings-heading">Settings</h2>
      <fieldset>
        <legend>Network</legend>
        <label>
          RPC
          <select
            value={presetMatch?.url ?? "custom"}
            onChange={(e) => e.target.value !== "custom" && edit({ rpcUrl: e.target.value })}
          >
            {RPC_PRESETS.map((p) => (
              <option key={p.url} value={p.url}>
                {p.label}
              </option>
            ))}
            <option value="custom">Custom…</option>
          </select>
        </label>
        <label>
          RPC URL
          <input
            value={current.rpcUrl}
            onChange={(e) => edit({ rpcUrl: e.target.value })}
            spellCheck={false}
            {...errors.inputProps("rpcUrl")}
          />
        </label>
        <FieldMessage errors={errors} field="rpcUrl" />
        <label>
          Program address
          <input
            value={current.programAddress}
            spellCheck={false}
            onChange={(e) => edit({ programAddress: e.target.value })}
            {...errors.inputProps("programAddress")}
          />
        </label>
        <FieldMessage errors={errors} field="programAddress" />
        {health && (
          <p role="status" data-testid="rpc-health">
            {health.online
              ? `The RPC answers (${health.latencyMs ?? "?"} ms).`
              : `The RPC does not answer: ${health.reason ?? "unknown"}.`}
          </p>
        )}
        <label>
          Blob gateways (one URL per line)
          <textarea
            rows={3}
            value={current.blobGateways.join("\n")}
            onChange={(e) =>
              edit({
                blobGateways: e.target.value
                  .split("\n")
                  .map((l) => l.trim())
                  .filter(Boolean),
              })
            }
            spellCheck={false}
            {...errors.inputProps("blobGateways")}
          />
        </label>
        <FieldMessage errors={errors} field="blobGateways" />
      </fieldset>
      <fieldset>
        <legend>Work</legend>
        <label>
          Tasks prepared ahead
          <input
            type="number"
            value={current.prefetchCount}
            onChange={(e) => edit({ prefetchCount: Number(e.target.value) })}
            {...errors.inputProps("prefetchCount")}
          />
        </label>
        <FieldMessage errors={errors} field="prefetchCount" />
        <label>
          Lock the key after (minutes idle)
          <input
            type="number"
            value={current.autoLockMinutes}
            onChange={(e) => edit({ autoLockMinutes: Number(e.target.value) })}
            {...errors.inputProps("autoLockMinutes")}
          />
        </label>
        <FieldMessage errors={errors} field="autoLockMinutes" />
        <label>
          Theme
          <select value={current.theme} onChange={(e) => edit({ theme: e.target.value as Settings["theme"] })}>
            <option value="dark">Dark</option>
            <option value="light">Light</option>
          </select>
        </label>
        <p className="muted small">Hotkeys are rebound from the shortcut overlay (press ? while labelling).</p>
      </fieldset>
      <fieldset>
        <legend>Canvas</legend>
        <label>
          Mouse wheel
          <select
            value={habits.wheel}
            onChange={(e) => edit({ canvas: { ...habits, wheel: e.target.value as CanvasHabits["wheel"] } })}
          >
            <option value="zoom">Zooms at the pointer (as in Label Studio and CVAT)</option>
            <option value="scroll">Scrolls the image; Ctrl+wheel zooms</option>
          </select>
        </label>
        <label>
          Dragging a selected shape with a drawing tool
          <select
            value={habits.dragSelected}
            onChange={(e) =>
              edit({ canvas: { ...habits, dragSelected: e.target.value as CanvasHabits["dragSelected"] } })
            }
          >
            <option value="move">Moves it (as in Label Studio and CVAT)</option>
            <option value="draw">Draws a new shape</option>
          </select>
        </label>
      </fieldset>
      <div role="alert">
        {errors.general && <p className="error-text">{errors.general}</p>}
        {!errors.general && !errors.ok && (
          <p className="visually-hidden">Some settings need a change: see the sentences next to them.</p>
        )}
      </div>
      {saved && (
        <p role="status" tabIndex={-1} ref={savedRef}>
          Saved.
        </p>
      )}
      <button type="submit" disabled={draft === null}>
        Save
      </button>
    </form>
  );
}
