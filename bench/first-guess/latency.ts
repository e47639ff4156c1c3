// Detection latency per image for the shipped first-guess model, in the detector thread.
// Run: npx tsx bench/first-guess/latency.ts [runs per image, default 5]
import { loadavg } from "node:os";
import { Detector, ModelRegistry, shippedModelsDir } from "../../lib/first-guess";
import { loadScenes, photoBytes } from "./scenes";

const runs = Math.max(1, Number(process.argv[2] ?? 5));
const ms = (v: number): string => `${v.toFixed(0)} ms`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

let maxLoopDelay = 0;
let last = performance.now();
const probe = setInterval(() => {
  const now = performance.now();
  maxLoopDelay = Math.max(maxLoopDelay, now - last - 5);
  last = now;
}, 5);

console.log(
  `first-guess latency · ${runs} runs per image · load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on 2 cores`,
);
// The same probe with nothing to do first: on a shared, loaded machine the scheduler alone
// delays timers, and that baseline is what the figure below should be read against.
await new Promise((resolve) => setTimeout(resolve, 2000));
console.log(`baseline: largest event-loop delay over 2 s idle: ${ms(maxLoopDelay)}`);
maxLoopDelay = 0;
let t = performance.now();
const model = await new ModelRegistry([{ dir: shippedModelsDir(), origin: "shipped" }]).load();
console.log(
  `read + verify model (sha256 of ${(model.weightData.length / 1e6).toFixed(1)} MB on the thread pool): ${ms(performance.now() - t)}`,
);
const detector = new Detector();
t = performance.now();
const loaded = await detector.load(model);
console.log(
  `start detector thread + load model + warm-up: ${ms(performance.now() - t)} wall (${ms(loaded.ms)} in the thread, backend ${loaded.backend})`,
);
console.log(`largest event-loop delay while reading, verifying and loading (once per session): ${ms(maxLoopDelay)}`);
maxLoopDelay = 0;

const all: number[] = [];
for (const scene of loadScenes().scenes) {
  const bytes = photoBytes(scene);
  const times: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = await detector.detect(bytes);
    wall.push(performance.now() - start);
    times.push(result.ms);
  }
  all.push(...times);
  console.log(
    `${scene.file.padEnd(14)} ${scene.width}×${scene.height}  median ${ms(median(times))} (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}) decode+resize+infer in the thread; ${ms(median(wall))} round trip`,
  );
}
console.log(`all images: median ${ms(median(all))} per image`);
console.log(`largest event-loop delay on the main thread while detecting: ${ms(maxLoopDelay)}`);
clearInterval(probe);
await detector.dispose();
