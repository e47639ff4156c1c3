// Deterministic synthetic scenes with exact ground truth: the same seed always draws the
// same shapes, so consensus and gold scoring can be tested and demo campaigns rebuilt.
import type { BoxShape, Label, PolygonShape } from "../../shared/annotation";
import { encodePng } from "./pngEncoder";
import { seededRandom } from "../../shared/random";

export const SCENE_LABELS: Label[] = [
  {
    id: "square",
    name: "square",
    color: "#e6194b",
    hotkey: "1",
    description: "Four equal sides, at any angle; usually red.",
  },
  {
    id: "triangle",
    name: "triangle",
    color: "#3cb44b",
    hotkey: "2",
    description: "Three corners, at any angle; usually green.",
  },
  { id: "circle", name: "circle", color: "#4363d8", hotkey: "3", description: "Round, no corners; usually blue." },
];

const FILL: Record<string, [number, number, number]> = {
  square: [220, 60, 60],
  triangle: [60, 180, 75],
  circle: [67, 99, 216],
};

export interface Scene {
  name: string;
  width: number;
  height: number;
  png: Uint8Array;
  /** Ground truth: one box and one polygon per object, and the classes present. */
  boxes: BoxShape[];
  polygons: PolygonShape[];
  classes: string[];
}

function fillPolygon(
  rgb: Uint8Array,
  width: number,
  height: number,
  pts: number[],
  color: [number, number, number],
): void {
  const ys = pts.filter((_, i) => i % 2 === 1);
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(...ys)));
  for (let y = y0; y <= y1; y++) {
    const cy = y + 0.5;
    const xs: number[] = [];
    for (let i = 0, j = pts.length - 2; i < pts.length; j = i, i += 2) {
      const xi = pts[i] ?? 0,
        yi = pts[i + 1] ?? 0,
        xj = pts[j] ?? 0,
        yj = pts[j + 1] ?? 0;
      if (yi > cy !== yj > cy) xs.push(xi + ((cy - yi) * (xj - xi)) / (yj - yi));
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const xa = Math.max(0, Math.ceil((xs[k] ?? 0) - 0.5));
      const xb = Math.min(width - 1, Math.floor((xs[k + 1] ?? 0) - 0.5));
      for (let x = xa; x <= xb; x++) rgb.set(color, (y * width + x) * 3);
    }
  }
}

function outline(kind: string, cx: number, cy: number, r: number, turn: number): number[] {
  const n = kind === "square" ? 4 : kind === "triangle" ? 3 : 24;
  const start = kind === "square" ? Math.PI / 4 : turn;
  const pts: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = start + (i * 2 * Math.PI) / n;
    pts.push(Math.round((cx + r * Math.cos(a)) * 10) / 10, Math.round((cy + r * Math.sin(a)) * 10) / 10);
  }
  return pts;
}

export function generateScene(
  seed: number,
  /** `drawBoxes`: the answer drawn on the image (a requester's example of good work). */
  opts: { width?: number; height?: number; maxObjects?: number; drawBoxes?: boolean } = {},
): Scene {
  const width = opts.width ?? 320;
  const height = opts.height ?? 240;
  const rand = seededRandom(seed);
  const rgb = new Uint8Array(width * height * 3);
  const base = [200 + rand() * 40, 200 + rand() * 40, 190 + rand() * 40];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const shade = (x + y) / (width + height);
      const noise = (rand() - 0.5) * 12;
      rgb.set(
        base.map((c) => Math.max(0, Math.min(255, c - 50 * shade + noise))),
        (y * width + x) * 3,
      );
    }
  }
  const count = 1 + Math.floor(rand() * (opts.maxObjects ?? 4));
  const boxes: BoxShape[] = [];
  const polygons: PolygonShape[] = [];
  const placed: Array<{ cx: number; cy: number; r: number }> = [];
  for (let i = 0, tries = 0; i < count && tries < 200; tries++) {
    const r = 14 + rand() * Math.min(width, height) * 0.14;
    const cx = r + rand() * (width - 2 * r);
    const cy = r + rand() * (height - 2 * r);
    if (placed.some((p) => Math.hypot(p.cx - cx, p.cy - cy) < p.r + r + 4)) continue;
    placed.push({ cx, cy, r });
    const kind = SCENE_LABELS[Math.floor(rand() * SCENE_LABELS.length)]?.id ?? "square";
    const pts = outline(kind, cx, cy, r, rand() * Math.PI * 2);
    fillPolygon(rgb, width, height, pts, FILL[kind] ?? [0, 0, 0]);
    const xs = pts.filter((_, k) => k % 2 === 0);
    const ys = pts.filter((_, k) => k % 2 === 1);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    boxes.push({
      id: `b${i}`,
      kind: "box",
      label: kind,
      x,
      y,
      w: Math.round((Math.max(...xs) - x) * 10) / 10,
      h: Math.round((Math.max(...ys) - y) * 10) / 10,
    });
    polygons.push({ id: `p${i}`, kind: "polygon", label: kind, points: pts });
    i++;
  }
  if (opts.drawBoxes) for (const b of boxes) strokeBox(rgb, width, height, b);
  const classes = [...new Set(boxes.map((b) => b.label))].sort();
  return {
    name: `scene-${String(seed).padStart(4, "0")}.png`,
    width,
    height,
    png: encodePng(width, height, rgb),
    boxes,
    polygons,
    classes,
  };
}

/** A 2-pixel dark frame just outside a box: how an example shows a tight box. */
function strokeBox(rgb: Uint8Array, width: number, height: number, b: BoxShape): void {
  const x0 = Math.floor(b.x) - 2;
  const y0 = Math.floor(b.y) - 2;
  const x1 = Math.ceil(b.x + b.w) + 1;
  const y1 = Math.ceil(b.y + b.h) + 1;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const edge = x - x0 < 2 || x1 - x < 2 || y - y0 < 2 || y1 - y < 2;
      if (edge && x >= 0 && y >= 0 && x < width && y < height) rgb.set([20, 20, 30], (y * width + x) * 3);
    }
  }
}
