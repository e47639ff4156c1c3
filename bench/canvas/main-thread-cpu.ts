// The UI thread's own work per task, from a Chromium trace: on a shared machine a frame's wall
// time also counts the time the thread waited for a core, its CPU time does not.

interface TraceEvent {
  readonly ph?: string;
  readonly name?: string;
  readonly pid?: number;
  readonly tid?: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly ts?: number;
  readonly args?: { readonly name?: string };
}

export interface MainThreadCpu {
  /** Top-level tasks of the page's main thread (frames, timers, messages). */
  readonly tasks: number;
  /** CPU milliseconds of the longest task, and of the 95th percentile task. */
  readonly worstMs: number;
  readonly p95Ms: number;
  /** Tasks that used more than 33 ms of CPU (would be a frame over 33 ms on an idle machine). */
  readonly over33: number;
}

/** `trace` is what Browser.stopTracing returns, recorded with the "toplevel" category. */
export function mainThreadCpu(trace: Buffer): MainThreadCpu {
  const parsed = JSON.parse(trace.toString("utf8")) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mains = new Set(
    events
      .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events
    .filter(
      (e) =>
        e.ph === "X" &&
        e.name === "ThreadControllerImpl::RunTask" &&
        mains.has(`${e.pid}:${e.tid}`) &&
        e.tdur !== undefined,
    )
    .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
  // nested run loops report a task inside a task: count the outer one only
  const outer: number[] = [];
  let end = -Infinity;
  for (const t of tasks) {
    if ((t.ts ?? 0) < end) continue;
    end = (t.ts ?? 0) + (t.dur ?? 0);
    outer.push((t.tdur ?? 0) / 1000);
  }
  const sorted = [...outer].sort((a, b) => a - b);
  return {
    tasks: outer.length,
    worstMs: Math.round(sorted.at(-1) ?? 0),
    p95Ms: Math.round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
    over33: outer.filter((ms) => ms > 33).length,
  };
}
