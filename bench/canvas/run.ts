// `npx tsx bench/canvas/run.ts`: pan, zoom and box-drawing frames per second in headless
// Chromium with 1,000, 5,000 and 10,000 shapes on an 8192×8192 image, for our canvas and for a
// naive one-node-per-shape Konva canvas in the same run; then mixed documents of every kind
// (BENCH_MIXED, default 10000 shapes): pan, zoom, a mask brush stroke and the JS heap they take.
// Prints figures; asserts nothing.
import { build } from "esbuild";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../../test/e2e/support";
import type { FrameStats, StrokeStats } from "./bench-page";
import type { MainThreadCpu } from "./main-thread-cpu";
import { mainThreadCpu } from "./main-thread-cpu";
import { BIG_MASK_ID } from "./mixed-shapes";

const root = fileURLToPath(new URL("../..", import.meta.url));
const COUNTS = (process.env.BENCH_COUNTS ?? "1000,5000,10000").split(",").filter(Boolean).map(Number);
const FRAMES = Number(process.env.BENCH_FRAMES ?? 120);
const MIXED = (process.env.BENCH_MIXED ?? "10000").split(",").filter(Boolean).map(Number);
/** Boxes for the far pan (issue 17: p95 frame at 20,000 boxes); 0 leaves it out. */
const FAR_PAN = Number(process.env.BENCH_FAR_PAN ?? 20000);
/** BENCH_PROFILE=1: a CPU profile of the stroke into the 8192² mask, its top functions by self time printed. */
const PROFILE = process.env.BENCH_PROFILE === "1";
/** Shapes beside the 8192² mask in the brush-stroke part; "" leaves it out. */
const STROKE = (process.env.BENCH_STROKE ?? "10000").split(",").filter(Boolean).map(Number);

/**
 * The page bundle (ESM, so the workers' `new URL("./assist-worker.ts", import.meta.url)` and
 * `new URL("./snapshot-worker.ts", …)` resolve beside it) and each worker's own bundle, served at
 * those names.
 */
async function bundle(): Promise<{ js: string; css: string; worker: string; snapshots: string }> {
  const common = {
    bundle: true,
    write: false,
    format: "esm",
    target: "chrome120",
    // unminified names when profiling
    minify: !PROFILE,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  } as const;
  const [page, worker, snapshots] = await Promise.all([
    build({
      ...common,
      entryPoints: [`${root}bench/canvas/bench-page.tsx`],
      outdir: `${root}dist/bench`,
      jsx: "automatic",
    }),
    build({ ...common, entryPoints: [`${root}renderer/src/assist/assist-worker.ts`], outdir: `${root}dist/bench` }),
    build({
      ...common,
      entryPoints: [`${root}renderer/src/canvas/layers/snapshot-worker.ts`],
      outdir: `${root}dist/bench`,
    }),
  ]);
  const find = (files: typeof page.outputFiles, ext: string) => files.find((f) => f.path.endsWith(ext))?.text ?? "";
  return {
    js: find(page.outputFiles, ".js"),
    css: find(page.outputFiles, ".css"),
    worker: find(worker.outputFiles, ".js"),
    snapshots: find(snapshots.outputFiles, ".js"),
  };
}

/**
 * Serves the bench page on 127.0.0.1: a secure context (crypto.randomUUID, as in the app) whose
 * origin can start the assist worker.
 */
async function serve(files: {
  js: string;
  css: string;
  worker: string;
  snapshots: string;
}): Promise<{ url: string; close(): void }> {
  const html =
    "<!doctype html><html><head><style>:root{color-scheme:dark;background:#14161a;color:#eee;font:14px system-ui}body{margin:0}</style>" +
    '<link rel="stylesheet" href="/bench.css"><script type="module" src="/bench.js"></script></head><body></body></html>';
  const routes: Record<string, [string, string]> = {
    "/": ["text/html", html],
    "/bench.js": ["text/javascript", files.js],
    "/bench.css": ["text/css", files.css],
    "/assist-worker.ts": ["text/javascript", files.worker],
    "/snapshot-worker.ts": ["text/javascript", files.snapshots],
  };
  const server = createServer((req, res) => {
    const route = routes[req.url ?? ""];
    if (!route) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": route[0] }).end(route[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** The profile's 25 functions with the most self time. */
function printProfile(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    const key = `${f?.functionName || "(anonymous)"}:${f?.lineNumber ?? 0}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  console.log("\nself time (ms) by function:");
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${ms.toFixed(0).padStart(6)}  ${name}`);
}

async function main(): Promise<void> {
  const [files, browser] = await Promise.all([bundle(), launchChromium()]);
  const site = await serve(files);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("pageerror", (e) => console.error("page error:", e.message));
    await page.goto(site.url);
    await page.waitForFunction(() => "benchApi" in window);
    await page.evaluate(() => window.benchApi.prepare());
    const idleBefore = await page.evaluate((f) => window.benchApi.idle(f), FRAMES);
    const rows: Array<{ shapes: number; scenario: string; ours: FrameStats; naive: FrameStats }> = [];
    for (const count of COUNTS) {
      const results: Record<string, Record<string, FrameStats>> = { ours: {}, naive: {} };
      for (const kind of ["ours", "naive"] as const) {
        await page.evaluate(([k, n]) => window.benchApi.mount(k, n), [kind, count] as const);
        for (const scenario of ["pan", "zoom", "draw"] as const) {
          results[kind]![scenario] = await page.evaluate(([s, f]) => window.benchApi[s](f), [
            scenario,
            FRAMES,
          ] as const);
        }
      }
      for (const scenario of ["pan", "zoom", "draw"])
        rows.push({ shapes: count, scenario, ours: results.ours![scenario]!, naive: results.naive![scenario]! });
    }
    // Mixed documents: every kind in equal shares (masks as filled blobs) on the same image.
    const mixed: Array<{ shapes: number; heapMb: number; stats: Record<string, FrameStats> }> = [];
    // The JS heap after a full collection, from the DevTools protocol (performance.memory is bucketed).
    const cdp = await page.context().newCDPSession(page);
    const heapMb = async () => {
      await cdp.send("HeapProfiler.collectGarbage");
      const { usedSize } = await cdp.send("Runtime.getHeapUsage");
      return usedSize / 1_048_576;
    };
    for (const count of MIXED) {
      await page.evaluate(() => window.benchApi.idle(1));
      const heapBefore = await heapMb();
      await page.evaluate(([n]) => window.benchApi.mount("mixed", n), [count] as const);
      const stats: Record<string, FrameStats> = {};
      for (const scenario of ["pan", "zoom", "brush"] as const)
        stats[scenario] = await page.evaluate(([s, f]) => window.benchApi[s](f), [scenario, FRAMES] as const);
      const heapAfter = await heapMb();
      mixed.push({ shapes: count, heapMb: heapAfter - heapBefore, stats });
    }
    // Brush strokes at 1:1 on the 8192² image: a new mask, and one painting into an 8192² mask.
    const strokes: Array<{ what: string; stats: StrokeStats }> = [];
    for (const count of STROKE) {
      await page.evaluate(([n]) => window.benchApi.mount("bigMask", n), [count] as const);
      strokes.push({
        what: `new mask, ${count} shapes`,
        stats: await page.evaluate((f) => window.benchApi.strokeNew(f), FRAMES),
      });
      strokes.push({
        what: `new mask, whole image in view`,
        stats: await page.evaluate((f) => window.benchApi.strokeFit(f), FRAMES),
      });
      for (const offThread of [false, true]) {
        if (PROFILE && offThread) {
          await cdp.send("Profiler.enable");
          await cdp.send("Profiler.start");
        }
        strokes.push({
          what: `into the 8192² mask, ${offThread ? "in the worker (now)" : "on the UI thread (before)"}`,
          stats: await page.evaluate(([f, id, off]) => window.benchApi.strokeInto(f, id, off), [
            FRAMES,
            BIG_MASK_ID,
            offThread,
          ] as const),
        });
      }
      // the main thread's profile of the last stroke (the worker's time is not in it)
      if (PROFILE) printProfile((await cdp.send("Profiler.stop")).profile);
    }
    // A long pan at 20,000 boxes: the snapshot is re-rendered off the interaction path.
    const farPan: Array<{ how: string; stats: FrameStats; cpu: MainThreadCpu }> = [];
    if (FAR_PAN > 0) {
      for (const background of [false, true]) {
        await page.evaluate(([n]) => window.benchApi.mount("ours", n), [FAR_PAN] as const);
        await page.evaluate((on) => window.benchApi.background(on), background);
        // traced: the UI thread's CPU per task, which the machine's load does not inflate
        await browser.startTracing(page, { categories: ["toplevel"] });
        const stats = await page.evaluate((f) => window.benchApi.panFar(f), Math.max(FRAMES, 160));
        const cpu = mainThreadCpu(await browser.stopTracing());
        farPan.push({ how: background ? "by a worker (now)" : "in a frame (before)", stats, cpu });
      }
    }
    const idleAfter = await page.evaluate((f) => window.benchApi.idle(f), FRAMES);
    console.log(
      `\nCanvas frames per second, 8192×8192 image, 1280×800 view, headless Chromium (software raster), ${FRAMES} frames each\n`,
    );
    console.log(
      "shapes  scenario  ours fps (worst frame)   naive Konva fps (worst frame)   ratio   ours: snapshot renders",
    );
    for (const r of rows) {
      const cell = (s: FrameStats) => `${s.fps.toFixed(1).padStart(6)} (${String(s.worstMs).padStart(4)} ms)`;
      console.log(
        `${String(r.shapes).padStart(6)}  ${r.scenario.padEnd(8)}  ${cell(r.ours).padEnd(23)}  ${cell(r.naive).padEnd(30)}  ${`${(r.ours.fps / r.naive.fps).toFixed(1)}×`.padEnd(6)}  ${r.ours.renders}`,
      );
    }
    if (mixed.length > 0) {
      console.log(
        "\nMixed documents (box, polygon, polyline, points, skeleton, mask, rotated box, ellipse in equal shares), ours only",
      );
      console.log("shapes  scenario  fps (worst frame)   JS heap growth (mounted document, after GC)");
      for (const m of mixed)
        for (const [scenario, s] of Object.entries(m.stats))
          console.log(
            `${String(m.shapes).padStart(6)}  ${scenario.padEnd(8)}  ${`${s.fps.toFixed(1).padStart(6)} (${String(s.worstMs).padStart(4)} ms)`.padEnd(18)}  ${m.heapMb.toFixed(1)} MB`,
          );
    }
    if (strokes.length > 0)
      console.log(
        `\nBrush strokes at 1:1 on the 8192² image, one dab a frame, ${FRAMES} frames (ms): first dab, stroke worst/p95, lift (pointer-up frame and 3 after; the pointer-up's JS), landed (in the document after; worst frame until then and 3 after)`,
      );
    for (const { what, stats: s } of strokes)
      console.log(
        `  ${what.padEnd(46)} first dab ${String(s.firstDabMs).padStart(4)}   stroke worst ${String(s.worstMs).padStart(4)} p95 ${String(s.p95Ms).padStart(3)}   lift ${String(s.liftMs).padStart(5)} (JS ${String(s.liftJsMs).padStart(4)})   landed after ${String(s.landMs).padStart(5)}, worst frame ${String(s.landWorstMs).padStart(5)}`,
      );
    if (farPan.length > 0) console.log(`\nPan far at ${FAR_PAN} boxes, 12 px a frame, past the snapshot's margin`);
    for (const { how, stats: s, cpu } of farPan)
      console.log(
        `  snapshot rendered ${how.padEnd(24)} ${s.fps.toFixed(1).padStart(5)} fps, p95 frame ${String(s.p95Ms).padStart(3)} ms, worst ${String(s.worstMs).padStart(4)} ms, ${s.over33}/${s.frames} frames over 33 ms; renders ${s.renders} (${s.inlineRenders} in a frame, ${s.scrolled} scrolled), ${s.uncoveredFrames} frames with an edge still empty\n` +
          `    UI thread CPU per task (load-independent): p95 ${cpu.p95Ms} ms, worst ${cpu.worstMs} ms, ${cpu.over33}/${cpu.tasks} tasks over 33 ms`,
      );
    // The ceiling: an empty page's frame loop, before and after, and the machine's load. On a
    // shared 2-core machine these move a lot; compare the ratio, which both sides share.
    console.log(
      `\nempty page: ${idleBefore.fps.toFixed(1)} fps before, ${idleAfter.fps.toFixed(1)} fps after; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${cpus().length} cores`,
    );
  } finally {
    site.close();
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
