import type { Label, Shape } from "../../../../shared/annotation";
import { seededRandom } from "../../../../shared/random";

/**
 * Deterministic practice images drawn in the renderer: the same scene name and size always give
 * the same pixels and the same "model guesses", so tests, benchmarks and people practising all
 * see one reproducible task without any image files or network.
 */
export const LAB_SCENES = ["street", "harbour", "orchard"] as const;

export const LAB_LABELS: Label[] = [
  { id: "car", name: "Car", color: "#ff6b6b", hotkey: "1" },
  { id: "person", name: "Person", color: "#ffd166", hotkey: "2" },
  { id: "tree", name: "Tree", color: "#3ecf8e", hotkey: "3" },
  { id: "building", name: "Building", color: "#5b9cff", hotkey: "4" },
  { id: "boat", name: "Boat", color: "#4dd4e8", hotkey: "5" },
];

export const LAB_CLASSES: Label[] = [
  { id: "day", name: "Daylight", color: "#f5d76e" },
  { id: "night", name: "Night", color: "#7f8cff" },
  { id: "rain", name: "Rain", color: "#8ecae6" },
];

export interface SceneObject {
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

type Ctx = OffscreenCanvasRenderingContext2D;

function drawBackground(ctx: Ctx, scene: string, size: number): void {
  const sky = ctx.createLinearGradient(0, 0, 0, size);
  const palette: Record<string, [string, string, string]> = {
    street: ["#7fa7d8", "#c9d6e3", "#555a60"],
    harbour: ["#8fb8de", "#dfe8ef", "#1f4e6b"],
    orchard: ["#9cc3e6", "#e8efd9", "#5d7a3a"],
  };
  const [top, horizon, ground] = palette[scene] ?? palette.street!;
  sky.addColorStop(0, top);
  sky.addColorStop(0.45, horizon);
  sky.addColorStop(0.46, ground);
  sky.addColorStop(1, ground);
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, size, size);
}

function drawObject(ctx: Ctx, o: SceneObject, random: () => number): void {
  const shade = Math.floor(80 + random() * 150);
  switch (o.label) {
    case "building":
      ctx.fillStyle = `rgb(${shade},${shade - 20},${shade - 40})`;
      ctx.fillRect(o.x, o.y, o.w, o.h);
      ctx.fillStyle = "rgba(255,240,180,0.8)";
      for (let wy = o.y + o.h * 0.08; wy < o.y + o.h * 0.9; wy += o.h * 0.12)
        for (let wx = o.x + o.w * 0.1; wx < o.x + o.w * 0.85; wx += o.w * 0.22)
          ctx.fillRect(wx, wy, o.w * 0.1, o.h * 0.06);
      break;
    case "tree":
      ctx.fillStyle = "#5b3a1e";
      ctx.fillRect(o.x + o.w * 0.42, o.y + o.h * 0.55, o.w * 0.16, o.h * 0.45);
      ctx.fillStyle = `rgb(30,${shade},60)`;
      ctx.beginPath();
      ctx.ellipse(o.x + o.w / 2, o.y + o.h * 0.35, o.w / 2, o.h * 0.35, 0, 0, Math.PI * 2);
      ctx.fill();
      break;
    case "person":
      ctx.fillStyle = `rgb(${shade},60,90)`;
      ctx.fillRect(o.x + o.w * 0.2, o.y + o.h * 0.25, o.w * 0.6, o.h * 0.75);
      ctx.fillStyle = "#e0b48a";
      ctx.beginPath();
      ctx.arc(o.x + o.w / 2, o.y + o.h * 0.13, o.w * 0.3, 0, Math.PI * 2);
      ctx.fill();
      break;
    case "boat":
      ctx.fillStyle = `rgb(${shade},${shade},${shade})`;
      ctx.beginPath();
      ctx.moveTo(o.x, o.y + o.h * 0.5);
      ctx.lineTo(o.x + o.w, o.y + o.h * 0.5);
      ctx.lineTo(o.x + o.w * 0.85, o.y + o.h);
      ctx.lineTo(o.x + o.w * 0.15, o.y + o.h);
      ctx.closePath();
      ctx.fill();
      ctx.fillRect(o.x + o.w * 0.45, o.y, o.w * 0.05, o.h * 0.5);
      break;
    default:
      ctx.fillStyle = `rgb(${shade},40,40)`;
      ctx.fillRect(o.x, o.y + o.h * 0.3, o.w, o.h * 0.5);
      ctx.fillRect(o.x + o.w * 0.2, o.y, o.w * 0.55, o.h * 0.4);
      ctx.fillStyle = "#111";
      ctx.beginPath();
      ctx.arc(o.x + o.w * 0.22, o.y + o.h * 0.85, o.h * 0.15, 0, Math.PI * 2);
      ctx.arc(o.x + o.w * 0.78, o.y + o.h * 0.85, o.h * 0.15, 0, Math.PI * 2);
      ctx.fill();
  }
}

/** The scene's objects in image pixels: what a perfect labeller would box. */
export function sceneObjects(scene: string, size: number): SceneObject[] {
  const random = seededRandom(seedOf(scene));
  const u = size / 1000;
  const out: SceneObject[] = [];
  const kinds: Record<string, string[]> = {
    street: ["building", "building", "building", "car", "car", "car", "person", "person", "tree"],
    harbour: ["building", "building", "boat", "boat", "boat", "person", "car"],
    orchard: ["tree", "tree", "tree", "tree", "tree", "person", "building", "car"],
  };
  for (const label of kinds[scene] ?? kinds.street!) {
    const dims: Record<string, [number, number]> = {
      building: [150, 260],
      car: [90, 50],
      person: [24, 60],
      tree: [80, 120],
      boat: [120, 70],
    };
    const [w, h] = dims[label] ?? [60, 60];
    const sw = w * u * (0.8 + random() * 0.4);
    const sh = h * u * (0.8 + random() * 0.4);
    const baseline = label === "building" ? 460 : label === "boat" ? 560 + random() * 200 : 520 + random() * 380;
    const y = Math.min(size - sh, Math.max(0, baseline * u - (label === "building" ? sh : 0)));
    out.push({ label, x: Math.round(random() * (size - sw)), y: Math.round(y), w: Math.round(sw), h: Math.round(sh) });
  }
  return out;
}

export function renderScene(scene: string, size: number): OffscreenCanvas {
  const canvas = new OffscreenCanvas(size, size);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D context for the lab scene");
  drawBackground(ctx, scene, size);
  const random = seededRandom(seedOf(scene) ^ 0x9e3779b9);
  // Texture, so that zooming in shows pixels worth aligning to.
  for (let i = 0; i < 4000; i++) {
    ctx.fillStyle = `rgba(${Math.floor(random() * 255)},${Math.floor(random() * 255)},${Math.floor(random() * 255)},0.08)`;
    ctx.fillRect(random() * size, random() * size, (random() * size) / 60, (random() * size) / 60);
  }
  for (const o of sceneObjects(scene, size)) drawObject(ctx, o, random);
  return canvas;
}

/** "First guesses": the scene's objects, slightly off, as a detector would hand them over. */
export function modelGuesses(scene: string, size: number): Shape[] {
  const random = seededRandom(seedOf(scene) + 7);
  return sceneObjects(scene, size)
    .filter((o) => o.label !== "building")
    .map((o, i) => {
      const jitter = () => Math.round((random() - 0.5) * o.w * 0.12);
      return {
        id: `guess-${i}`,
        kind: "box" as const,
        label: o.label,
        x: Math.max(0, o.x + jitter()),
        y: Math.max(0, o.y + jitter()),
        w: Math.max(3, o.w + jitter()),
        h: Math.max(3, o.h + jitter()),
        source: {
          kind: "model" as const,
          model: "lab-detector",
          score: Math.round((0.55 + random() * 0.4) * 100) / 100,
        },
      };
    });
}

/** A deterministic load of shapes for stress tests: a jittered grid, one in five a polygon. */
export function loadShapes(count: number, size: number): Shape[] {
  const random = seededRandom(count * 31 + size);
  const columns = Math.ceil(Math.sqrt(count));
  const cell = size / columns;
  const shapes: Shape[] = [];
  for (let i = 0; i < count; i++) {
    const cx = (i % columns) * cell;
    const cy = Math.floor(i / columns) * cell;
    const w = Math.max(3, cell * (0.3 + random() * 0.5));
    const h = Math.max(3, cell * (0.3 + random() * 0.5));
    const x = cx + random() * (cell - w);
    const y = cy + random() * (cell - h);
    const label = LAB_LABELS[i % LAB_LABELS.length]!.id;
    const id = `load-${i}`;
    if (i % 5 === 4)
      shapes.push({
        id,
        kind: "polygon",
        label,
        points: [x + w / 2, y, x + w, y + h * 0.6, x + w * 0.7, y + h, x + w * 0.2, y + h, x, y + h * 0.4],
      });
    else shapes.push({ id, kind: "box", label, x, y, w, h });
  }
  return shapes;
}
