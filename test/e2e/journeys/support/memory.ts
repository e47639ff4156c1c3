import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

export interface MemorySample {
  readonly tasksDone: number;
  /** Resident set of the app's core process (the browser shell), MiB. */
  readonly coreRssMiB: number;
  /** The page's JavaScript heap in use, MiB (Chromium's own counter, after a GC). */
  readonly rendererHeapMiB: number;
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export async function sampleMemory(page: Page, corePid: number, tasksDone: number): Promise<MemorySample> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
  await cdp.detach();
  return { tasksDone, coreRssMiB: rssMiB(corePid), rendererHeapMiB: usedSize / 1024 / 1024 };
}

export function formatMemoryTable(samples: readonly MemorySample[]): string {
  const rows = samples.map(
    (s) =>
      `${String(s.tasksDone).padStart(6)}  ${s.coreRssMiB.toFixed(1).padStart(9)}  ${s.rendererHeapMiB.toFixed(1).padStart(13)}`,
  );
  const first = samples[0];
  const last = samples.at(-1);
  const growth = (from: MemorySample | undefined, to: MemorySample | undefined): string =>
    from && to
      ? `core ${(to.coreRssMiB - from.coreRssMiB).toFixed(1)} MiB, renderer heap ${(to.rendererHeapMiB - from.rendererHeapMiB).toFixed(1)} MiB`
      : "n/a";
  // The first tasks fill the prefetch window, the caches and V8's heap reservation; growth after
  // them is what a leak would look like over a day, so both are printed.
  const warm = samples[1];
  return [
    "  tasks  core RSS MiB  renderer heap MiB",
    ...rows,
    `growth: ${growth(first, last)}`,
    `growth after the first ${warm?.tasksDone ?? 0} tasks: ${samples.length > 2 ? growth(warm, last) : "n/a"}`,
  ].join("\n");
}
