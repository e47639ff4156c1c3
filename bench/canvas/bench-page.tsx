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
import { MIXED_SCHEMA, bigMask, mixedShapes } from "./mixed-shapes";
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
  /** Our canvas only: worker snapshots drawn by scrolling the last one (uncovered strips only). */
  readonly scrolled: number;
}

/** One brush stroke measured frame by frame: the pointer-down frame, the strokes' frames, the lift. */
export interface StrokeStats {
  /** The frame that put the brush down (first dab), in ms. */
  readonly firstDabMs: number;
  /** The worst and 95th percentile frame while the brush moves (one dab a frame). */
  readonly worstMs: number;
  readonly p95Ms: number;
  /** The frame that lifted the brush and the three after it (the stroke landing in the document), the worst of them. */
  readonly liftMs: number;
  /** Main-thread time of the pointer-up call alone. */
  readonly liftJsMs: number;
  /** From lifting the brush to the stroke being in the document, and the worst frame meanwhile (and 3 after). */
  readonly landMs: number;
  readonly landWorstMs: number;
  readonly frames: number;
}

interface Driver {
  panBy(dx: number, dy: number): void;
  zoomBy(factor: number): void;
  drawStep(x0: number, y0: number, x: number, y: number): void;
  /** One pointer step of a mask brush stroke (ours only). */
  brushStep?(x: number, y: number): void;
  /** Lifts the brush (the stroke lands in the document), ours only. */
  brushUp?(): void;
  editor?: Editor;
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
  let last = { x: 0, y: 0 };
  const screen = (px: number, py: number) => ({
    x: px * editor.viewport.scale + editor.viewport.x,
    y: py * editor.viewport.scale + editor.viewport.y,
  });
  return {
    editor,
    brushUp() {
      if (!brushing) return;
      brushing = false;
      editor.pointerUp({ screen: last, shift: false, modify: false });
    },
    brushStep(x, y) {
      last = screen(x, y);
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
  const scrolledBefore = painter?.scrolled ?? 0;
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
    scrolled: (painter?.scrolled ?? 0) - scrolledBefore,
    p95Ms: Math.round(times.sort((a, b) => a - b)[Math.floor(times.length * 0.95)] ?? 0),
    over33: times.filter((t) => t > 33).length,
  };
}

/**
 * A brush stroke across a 1:1 view, one dab a frame: timed from the frame that puts the brush
 * down to the frames after it lifts. `into` selects that shape first (the stroke paints into it).
 */
async function stroke(
  frames: number,
  into: string | null,
  cx: number,
  cy: number,
  { fit = false, offThread = true } = {},
): Promise<StrokeStats> {
  const editor = driver?.editor;
  if (!editor) throw new Error("mount our canvas first");
  editor.maskTool.offThread = offThread;
  if (fit) editor.fit();
  else editor.setViewport({ scale: 1, x: editor.viewSize.width / 2 - cx, y: editor.viewSize.height / 2 - cy });
  editor.setSelection(into ? [into] : []);
  editor.setTool("mask");
  for (let i = 0; i < 10; i++) await nextFrame();
  let previous = await nextFrame();
  const times: number[] = [];
  for (let i = 0; i < frames; i++) {
    driver?.brushStep?.(cx - 300 + (i % 150) * 4, cy + Math.round(60 * Math.sin(i / 9)));
    const now = await nextFrame();
    times.push(now - previous);
    previous = now;
  }
  const t0 = performance.now();
  driver?.brushUp?.();
  const liftJsMs = performance.now() - t0;
  let liftMs = 0;
  let landed = false;
  void editor.settled().then(() => (landed = true));
  let landWorstMs = 0;
  let after = 0;
  for (let i = 0; after < 4; i++) {
    const now = await nextFrame();
    if (i < 4) liftMs = Math.max(liftMs, now - previous);
    landWorstMs = Math.max(landWorstMs, now - previous);
    previous = now;
    if (landed) after++;
  }
  const landMs = (await editor.settled().then(() => performance.now())) - t0;
  const moving = times.slice(1).sort((a, b) => a - b);
  return {
    firstDabMs: Math.round(times[0] ?? 0),
    worstMs: Math.round(moving[moving.length - 1] ?? 0),
    p95Ms: Math.round(moving[Math.floor(moving.length * 0.95)] ?? 0),
    liftMs: Math.round(liftMs),
    liftJsMs: Math.round(liftJsMs),
    landMs: Math.round(landMs),
    landWorstMs: Math.round(landWorstMs),
    frames,
  };
}

const benchApi = {
  /** A stroke that starts a new mask (nothing selected), then one painting into the 8192² mask `big`. */
  strokeNew: (frames: number) => stroke(frames, null, 3000, 3000),
  strokeFit: (frames: number) => stroke(frames, null, 3000, 3000, { fit: true }),
  /** Across the 8192² mask's hole (so pixels change); `offThread` false: it lands on the UI thread, as before. */
  strokeInto: (frames: number, id: string, offThread: boolean) => stroke(frames, id, 2100, 4096, { offThread }),
  async prepare(): Promise<void> {
    image ??= renderScene("street", SIZE).transferToImageBitmap();
  },
  async mount(kind: "ours" | "naive" | "mixed" | "bigMask", count: number): Promise<void> {
    driver?.destroy();
    painter = null;
    const shapes = kind === "mixed" || kind === "bigMask" ? mixedShapes(count, SIZE) : loadShapes(count, SIZE);
    if (kind === "bigMask") shapes.push(bigMask(SIZE));
    if (kind === "ours") driver = await mountOurs(shapes);
    else if (kind === "mixed" || kind === "bigMask") driver = await mountOurs(shapes, MIXED_SCHEMA);
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
