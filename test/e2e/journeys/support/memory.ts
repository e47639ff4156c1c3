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
  const rows = samples.map((s) => `${String(s.tasksDone).padStart(6)}  ${s.coreRssMiB.toFixed(1).padStart(9)}  ${s.rendererHeapMiB.toFixed(1).padStart(13)}`);
  const first = samples[0];
  const last = samples.at(-1);
  const growth = first && last ? `growth: core ${(last.coreRssMiB - first.coreRssMiB).toFixed(1)} MiB, renderer heap ${(last.rendererHeapMiB - first.rendererHeapMiB).toFixed(1)} MiB` : "";
  return ["  tasks  core RSS MiB  renderer heap MiB", ...rows, growth].join("\n");
}
