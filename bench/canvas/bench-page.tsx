// Bundled by run.ts and loaded into headless Chromium: mounts our LabelView or the naive
// baseline on the same generated 8192² image and shapes, and measures frames per second.
import { createRoot } from "react-dom/client";
import type { Root } from "react-dom/client";
import type { Shape } from "../../shared/annotation";
import { emptyDocument } from "../../shared/annotation";
import { LabelView } from "../../renderer/src/screens/labelling/LabelView";
import type { Editor } from "../../renderer/src/canvas/editor/editor";
import type { SettledPainter } from "../../renderer/src/canvas/layers/settled-painter";
import { documentLabels } from "../../renderer/src/canvas/editor/label-schema";
import { LAB_SCHEMA } from "../../renderer/src/views/lab/lab-task";
import { loadShapes, renderScene } from "../../renderer/src/views/lab/procedural-scene";
import type { LabelSchema } from "../../renderer/src/canvas/editor/label-schema";
import { setSnapshotWorkerStarter } from "../../renderer/src/canvas/layers/snapshot-client";
import type { SnapshotPort } from "../../renderer/src/canvas/layers/snapshot-client";
import { MIXED_SCHEMA, mixedShapes } from "./mixed-shapes";
import { NaiveCanvas } from "./naive-canvas";

export interface FrameStats {
  readonly fps: number;
  /** Our canvas only: how many frames re-rendered the shape snapshot. */
  readonly renders: number;
  readonly frames: number;
  readonly worstMs: number;
  /** 95th percentile frame time, and frames over 33 ms (two 60 Hz frames). */
  readonly p95Ms: number;
  readonly over33: number;
  /** Our canvas only: snapshot renders a frame had to wait for (the rest ran in the background). */
  readonly inlineRenders: number;
  /** Our canvas only: pan frames that showed an edge without shapes while the worker caught up. */
  readonly uncoveredFrames: number;
}

// run.ts bundles the snapshot worker on its own (esbuild does not follow `new URL(…, import.meta.url)`)
// and hands its source over here.
declare global {
  interface Window {
    snapshotWorkerSource?: string;
  }
}
const workerSource = window.snapshotWorkerSource;
if (workerSource) {
  const url = URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
  setSnapshotWorkerStarter(() => new Worker(url, { name: "snapshots" }) as unknown as SnapshotPort);
}

interface Driver {
  panBy(dx: number, dy: number): void;
  zoomBy(factor: number): void;
  drawStep(x0: number, y0: number, x: number, y: number): void;
  /** One pointer step of a mask brush stroke (ours only). */
  brushStep?(x: number, y: number): void;
  destroy(): void;
}

const SIZE = 8192;
let image: ImageBitmap | null = null;
let driver: Driver | null = null;
let painter: SettledPainter | null = null;

function container(): HTMLDivElement {
  document.body.replaceChildren();
  const div = document.createElement("div");
  div.style.cssText = "position:fixed;inset:0;display:flex;flex-direction:column";
  document.body.append(div);
  return div;
}

async function mountOurs(shapes: Shape[], schema: LabelSchema = LAB_SCHEMA): Promise<Driver> {
  const host = container();
  const root: Root = createRoot(host);
  const doc = { ...emptyDocument("bench", documentLabels(schema)), shapes };
  const editor = await new Promise<Editor>((resolve) =>
    root.render(
      <LabelView
        taskId="bench"
        image={{ source: image as ImageBitmap, width: SIZE, height: SIZE }}
        schema={schema}
        initialDocument={doc}
        onSave={async () => undefined}
        autosaveMs={3_600_000}
        onEditor={resolve}
        onPainter={(p) => (painter = p)}
      />,
    ),
  );
  // let the image pyramid finish building in the background before measuring
  await new Promise((r) => setTimeout(r, 2_500));
  editor.setTool("box");
  let drawing = false;
  let brushing = false;
  const screen = (px: number, py: number) => ({
    x: px * editor.viewport.scale + editor.viewport.x,
    y: py * editor.viewport.scale + editor.viewport.y,
  });
  return {
    brushStep(x, y) {
      if (!brushing) {
        editor.setTool("mask");
        editor.pointerDown({ screen: screen(x, y), shift: false, modify: false });
        brushing = true;
      } else editor.pointerMove({ screen: screen(x, y), shift: false, modify: false });
    },
    panBy: (dx, dy) => editor.panBy(dx, dy),
    zoomBy: (f) => editor.zoomBy(f),
    drawStep(x0, y0, x, y) {
      const screen = (px: number, py: number) => ({
        x: px * editor.viewport.scale + editor.viewport.x,
        y: py * editor.viewport.scale + editor.viewport.y,
      });
      if (!drawing) {
        editor.pointerDown({ screen: screen(x0, y0), shift: false, modify: false });
        drawing = true;
      }
      editor.pointerMove({ screen: screen(x, y), shift: false, modify: false });
    },
    destroy: () => root.unmount(),
  };
}

function nextFrame(): Promise<number> {
  return new Promise((r) => requestAnimationFrame(r));
}

/** Runs `step` once per animation frame and reports the frame rate the page sustained. */
async function measure(frames: number, step: (i: number) => void): Promise<FrameStats> {
  const rendersBefore = painter?.renders ?? 0;
  const inlineBefore = painter?.inlineRenders ?? 0;
  const uncoveredBefore = painter?.uncoveredFrames ?? 0;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    step(i);
    await nextFrame();
  }
  let previous = await nextFrame();
  const start = previous;
  let worst = 0;
  for (let i = 0; i < frames; i++) {
    step(i + 5);
    const now = await nextFrame();
    worst = Math.max(worst, now - previous);
    times.push(now - previous);
    previous = now;
  }
  // one more frame so the last step's draw is included
  const end = await nextFrame();
  return {
    fps: (frames * 1000) / (end - start),
    frames,
    worstMs: Math.round(worst),
    renders: (painter?.renders ?? 0) - rendersBefore,
    inlineRenders: (painter?.inlineRenders ?? 0) - inlineBefore,
    uncoveredFrames: (painter?.uncoveredFrames ?? 0) - uncoveredBefore,
    p95Ms: Math.round(times.sort((a, b) => a - b)[Math.floor(times.length * 0.95)] ?? 0),
    over33: times.filter((t) => t > 33).length,
  };
}

const benchApi = {
  async prepare(): Promise<void> {
    image ??= renderScene("street", SIZE).transferToImageBitmap();
  },
  async mount(kind: "ours" | "naive" | "mixed", count: number): Promise<void> {
    driver?.destroy();
    painter = null;
    const shapes = kind === "mixed" ? mixedShapes(count, SIZE) : loadShapes(count, SIZE);
    if (kind === "ours") driver = await mountOurs(shapes);
    else if (kind === "mixed") driver = await mountOurs(shapes, MIXED_SCHEMA);
    else {
      const naive = new NaiveCanvas(container(), image as ImageBitmap, SIZE, shapes, LAB_SCHEMA.labels);
      driver = naive;
    }
    await new Promise((r) => setTimeout(r, 500));
    await nextFrame();
  },
  /** The same loop on an empty page: the frame rate this machine allows right now. */
  async idle(frames: number): Promise<FrameStats> {
    driver?.destroy();
    driver = null;
    container();
    return measure(frames, () => undefined);
  },
  /** Background snapshot rendering on or off (off: the old path, re-rendered in a frame). */
  background(on: boolean): void {
    if (painter) painter.background = on;
  },
  /** A steady pan in one direction, far past the snapshot's margin (12 px a frame, 1.5 views in 160 frames). */
  panFar: (frames: number) => measure(frames, () => driver?.panBy(-12, -3)),
  pan: (frames: number) => measure(frames, (i) => driver?.panBy(i % 60 < 30 ? 7 : -7, i % 40 < 20 ? 4 : -4)),
  zoom: (frames: number) => measure(frames, (i) => driver?.zoomBy(i % 40 < 20 ? 1.04 : 1 / 1.04)),
  /** A brush stroke across the view, one dab per frame, at 100 % zoom (a mask being painted). */
  brush: (frames: number) => {
    driver?.zoomBy(1);
    return measure(frames, (i) => driver?.brushStep?.(2000 + (i % 200) * 6, 2000 + Math.round(80 * Math.sin(i / 9))));
  },
  draw: (frames: number) =>
    measure(frames, (i) => driver?.drawStep(1000, 1000, 1000 + (i % 100) * 30, 1000 + (i % 100) * 20)),
};

declare global {
  interface Window {
    benchApi: typeof benchApi;
  }
}
window.benchApi = benchApi;
