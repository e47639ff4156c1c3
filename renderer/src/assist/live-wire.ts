import type { Pixels } from "./magic-wand";

/**
 * Intelligent scissors (live-wire, Mortensen & Barrett 1995, simplified): the cheapest 8-connected
 * pixel path between two clicks, where crossing a pixel costs little on a strong edge and a lot
 * in a flat area, so the path snaps to object outlines. Cost per pixel: 1 − G/Gmax plus a small
 * constant (paths stay short on flat ground), G the Sobel gradient magnitude of the luminance,
 * computed once per image (4 bytes a pixel). Dijkstra with a binary heap inside a window around
 * the two points (their bounding box widened by half its size, at least 32 px): O(m log m) for
 * the m pixels of the window, a few ms for a typical click-to-click segment.
 */
export class EdgeCost {
  readonly width: number;
  readonly height: number;
  private readonly cost: Float32Array;

  constructor(pixels: Pixels) {
    const { width: w, height: h, data } = pixels;
    this.width = w;
    this.height = h;
    const lum = new Float32Array(w * h);
    for (let i = 0; i < w * h; i++)
      lum[i] =
        0.299 * (data[4 * i] as number) + 0.587 * (data[4 * i + 1] as number) + 0.114 * (data[4 * i + 2] as number);
    const grad = new Float32Array(w * h);
    let max = 1e-6;
    const at = (x: number, y: number) =>
      lum[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))] as number;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const gx =
          at(x + 1, y - 1) +
          2 * at(x + 1, y) +
          at(x + 1, y + 1) -
          at(x - 1, y - 1) -
          2 * at(x - 1, y) -
          at(x - 1, y + 1);
        const gy =
          at(x - 1, y + 1) +
          2 * at(x, y + 1) +
          at(x + 1, y + 1) -
          at(x - 1, y - 1) -
          2 * at(x, y - 1) -
          at(x + 1, y - 1);
        const g = Math.hypot(gx, gy);
        grad[y * w + x] = g;
        if (g > max) max = g;
      }
    }
    this.cost = new Float32Array(w * h);
    for (let i = 0; i < w * h; i++) this.cost[i] = 1 - (grad[i] as number) / max + 0.02;
  }

  /** The cheapest path from a to b as flat x,y pixel centres (a and b included). */
  path(ax: number, ay: number, bx: number, by: number): number[] {
    const w = this.width,
      h = this.height;
    const sx = clamp(Math.round(ax), 0, w - 1),
      sy = clamp(Math.round(ay), 0, h - 1);
    const tx = clamp(Math.round(bx), 0, w - 1),
      ty = clamp(Math.round(by), 0, h - 1);
    const margin = Math.max(32, Math.ceil(Math.max(Math.abs(tx - sx), Math.abs(ty - sy)) / 2));
    const x0 = Math.max(0, Math.min(sx, tx) - margin),
      y0 = Math.max(0, Math.min(sy, ty) - margin);
    const x1 = Math.min(w - 1, Math.max(sx, tx) + margin),
      y1 = Math.min(h - 1, Math.max(sy, ty) + margin);
    const ww = x1 - x0 + 1,
      wh = y1 - y0 + 1;
    const dist = new Float64Array(ww * wh).fill(Infinity);
    const from = new Int32Array(ww * wh).fill(-1);
    const done = new Uint8Array(ww * wh);
    const heap = new MinHeap();
    const start = (sy - y0) * ww + (sx - x0),
      target = (ty - y0) * ww + (tx - x0);
    dist[start] = 0;
    heap.push(start, 0);
    while (heap.size > 0) {
      const [i, d] = heap.pop();
      if (done[i]) continue;
      done[i] = 1;
      if (i === target) break;
      const x = i % ww,
        y = (i - x) / ww;
      for (let oy = -1; oy <= 1; oy++) {
        const ny = y + oy;
        if (ny < 0 || ny >= wh) continue;
        for (let ox = -1; ox <= 1; ox++) {
          const nx = x + ox;
          if ((ox === 0 && oy === 0) || nx < 0 || nx >= ww) continue;
          const j = ny * ww + nx;
          if (done[j]) continue;
          const step = (this.cost[(ny + y0) * w + nx + x0] as number) * (ox !== 0 && oy !== 0 ? Math.SQRT2 : 1);
          const nd = d + step;
          if (nd < (dist[j] as number)) {
            dist[j] = nd;
            from[j] = i;
            heap.push(j, nd);
          }
        }
      }
    }
    const out: number[] = [];
    for (let i = target; i >= 0; i = from[i] as number) {
      out.push((i % ww) + x0 + 0.5, Math.floor(i / ww) + y0 + 0.5);
      if (i === start) break;
    }
    const path: number[] = [];
    for (let k = out.length - 2; k >= 0; k -= 2) path.push(out[k] as number, out[k + 1] as number);
    return path;
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** A binary min-heap of (index, priority), with lazy deletion by the caller. */
class MinHeap {
  private ids: number[] = [];
  private keys: number[] = [];

  get size(): number {
    return this.ids.length;
  }

  push(id: number, key: number): void {
    const ids = this.ids,
      keys = this.keys;
    let i = ids.length;
    ids.push(id);
    keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) <= key) break;
      ids[i] = ids[parent] as number;
      keys[i] = keys[parent] as number;
      i = parent;
    }
    ids[i] = id;
    keys[i] = key;
  }

  pop(): [number, number] {
    const ids = this.ids,
      keys = this.keys;
    const top: [number, number] = [ids[0] as number, keys[0] as number];
    const lastId = ids.pop() as number,
      lastKey = keys.pop() as number;
    const n = ids.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && (keys[r] as number) < (keys[l] as number) ? r : l;
        if ((keys[c] as number) >= lastKey) break;
        ids[i] = ids[c] as number;
        keys[i] = keys[c] as number;
        i = c;
      }
      ids[i] = lastId;
      keys[i] = lastKey;
    }
    return top;
  }
}
