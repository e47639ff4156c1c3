import type { AppInfo } from "../../../shared/api";
import { getApi } from "../api";
import { ErrorNotice } from "../ui/ErrorNotice";
import { useLiveQuery } from "../ui/use-live-query";

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** What this installation is and whether its local store is healthy, read live from core. */
export function StatusPanel() {
  const info = useLiveQuery<AppInfo>(() => getApi().app.info());
  if (info.error && !info.value)
    return <ErrorNotice message={`The app's core did not answer. ${info.error}`} onRetry={info.reload} />;
  if (!info.value) return <p role="status">Asking core…</p>;
  const { value } = info;
  return (
    <section aria-labelledby="status-heading" className="panel">
      <h2 id="status-heading">This workstation</h2>
      <dl className="facts" data-testid="app-info">
        <dt>Version</dt>
        <dd data-testid="app-version">{value.version}</dd>
        <dt>Shell</dt>
        <dd data-testid="app-shell">{value.shell}</dd>
        <dt>Data directory</dt>
        <dd data-testid="app-data-dir">{value.dataDir}</dd>
        <dt>Local store</dt>
        <dd data-testid="store-health">
          {value.store.ok ? "healthy" : `unhealthy: ${value.store.message ?? "unknown"}`} · schema{" "}
          {value.store.schemaVersion} · {value.store.journalMode.toUpperCase()} · {formatBytes(value.store.sizeBytes)}
        </dd>
        <dt>Platform</dt>
        <dd>
          {value.platform} · Node {value.nodeVersion}
        </dd>
      </dl>
      <button onClick={info.reload}>Refresh</button>
    </section>
  );
}
