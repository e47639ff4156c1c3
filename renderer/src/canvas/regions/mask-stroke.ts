import type { StrokeBits } from "../../assist/mask-paint";
import type { Point, Rect, Size } from "../geometry/rect";
import { packColor } from "./mask-cache";

/** Side of a paint tile, in image pixels: a dab touches at most a few, whatever the image size. */
export const MASK_TILE = 256;

interface Tile {
  readonly x: number;
  readonly y: number;
  /** 1 where the brush covered the pixel, row-major over the tile. */
  readonly bits: Uint8Array;
  /** What the drawing layer shows; created on first display, updated by dirty rectangles. */
  canvas: OffscreenCanvas | null;
  dirty: { x0: number; y0: number; x1: number; y1: number } | null;
}

/**
 * One brush stroke, rasterised into 256² tiles of bits as the pointer moves (a dab on an 8192²
 * image touches a few small tiles, not a 64-megapixel bitmap): a pixel is painted when its centre
 * is within the radius of the stroke's path (round dabs joined by round-capped segments). The
 * bits are the stroke, exactly and without reading pixels back from a canvas; the drawing layer
 * gets each tile as a small canvas that only the rectangle a dab touched is uploaded to.
 */
export class MaskStroke {
  private readonly tiles = new Map<string, Tile>();
  private last: Point | null = null;
  private x0 = Infinity;
  private y0 = Infinity;
  private x1 = -Infinity;
  private y1 = -Infinity;

  constructor(
    private readonly image: Size,
    readonly radius: number,
    private readonly color: string,
  ) {}

  /** Paints a round dab at p, joined to the previous one by a round-capped segment. */
  dab(p: Point): void {
    const r = this.radius;
    const from = this.last ?? p;
    this.last = p;
    const minX = Math.max(0, Math.floor(Math.min(from.x, p.x) - r));
    const minY = Math.max(0, Math.floor(Math.min(from.y, p.y) - r));
    const maxX = Math.min(this.image.width, Math.ceil(Math.max(from.x, p.x) + r));
    const maxY = Math.min(this.image.height, Math.ceil(Math.max(from.y, p.y) + r));
    if (maxX <= minX || maxY <= minY) return;
    let any = false;
    for (let ty = Math.floor(minY / MASK_TILE); ty * MASK_TILE < maxY; ty++)
      for (let tx = Math.floor(minX / MASK_TILE); tx * MASK_TILE < maxX; tx++)
        any = this.paintTile(this.tile(tx, ty), from, p, minX, minY, maxX, maxY) || any;
    if (!any) return;
    this.x0 = Math.min(this.x0, minX);
    this.y0 = Math.min(this.y0, minY);
    this.x1 = Math.max(this.x1, maxX);
    this.y1 = Math.max(this.y1, maxY);
  }

  /** Sets the tile's pixels whose centres lie within the radius of segment a–b; true if any is covered. */
  private paintTile(tile: Tile, a: Point, b: Point, minX: number, minY: number, maxX: number, maxY: number): boolean {
    const x0 = Math.max(minX, tile.x),
      y0 = Math.max(minY, tile.y);
    const x1 = Math.min(maxX, tile.x + MASK_TILE),
      y1 = Math.min(maxY, tile.y + MASK_TILE);
    const dx = b.x - a.x,
      dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    const r2 = this.radius * this.radius;
    let dirty: Tile["dirty"] = null;
    for (let y = y0; y < y1; y++) {
      const cy = y + 0.5;
      const row = (y - tile.y) * MASK_TILE - tile.x;
      for (let x = x0; x < x1; x++) {
        const cx = x + 0.5;
        // distance from the pixel's centre to the nearest point of the segment
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((cx - a.x) * dx + (cy - a.y) * dy) / len2));
        const ex = cx - (a.x + t * dx),
          ey = cy - (a.y + t * dy);
        if (ex * ex + ey * ey > r2) continue;
        tile.bits[row + x] = 1;
        if (!dirty) dirty = { x0: x, y0: y, x1: x + 1, y1: y + 1 };
        else {
          if (x < dirty.x0) dirty.x0 = x;
          if (x + 1 > dirty.x1) dirty.x1 = x + 1;
          dirty.y1 = y + 1;
        }
      }
    }
    if (!dirty) return false;
    const d = tile.dirty;
    tile.dirty = d
      ? {
          x0: Math.min(d.x0, dirty.x0),
          y0: Math.min(d.y0, dirty.y0),
          x1: Math.max(d.x1, dirty.x1),
          y1: Math.max(d.y1, dirty.y1),
        }
      : dirty;
    return true;
  }

  private tile(tx: number, ty: number): Tile {
    const key = `${tx},${ty}`;
    let tile = this.tiles.get(key);
    if (!tile) {
      tile = {
        x: tx * MASK_TILE,
        y: ty * MASK_TILE,
        bits: new Uint8Array(MASK_TILE * MASK_TILE),
        canvas: null,
        dirty: null,
      };
      this.tiles.set(key, tile);
    }
    return tile;
  }

  /**
   * The painted tiles as canvases, for the drawing layer: only what changed since the last call
   * is uploaded (a dab's rectangle, not the tile, and never the stroke).
   */
  tileList(): Array<{ x: number; y: number; canvas: OffscreenCanvas }> {
    const out: Array<{ x: number; y: number; canvas: OffscreenCanvas }> = [];
    if (typeof OffscreenCanvas === "undefined") return out;
    const rgba = packColor(this.color, 1);
    for (const tile of this.tiles.values()) {
      tile.canvas ??= new OffscreenCanvas(MASK_TILE, MASK_TILE);
      const d = tile.dirty;
      if (d) {
        tile.dirty = null;
        const ctx = tile.canvas.getContext("2d");
        if (!ctx) throw new Error("no 2D context for a brush tile");
        const w = d.x1 - d.x0,
          h = d.y1 - d.y0;
        const image = ctx.createImageData(w, h);
        const pixels = new Uint32Array(image.data.buffer);
        for (let y = 0; y < h; y++) {
          const row = (d.y0 - tile.y + y) * MASK_TILE + (d.x0 - tile.x);
          for (let x = 0; x < w; x++) if (tile.bits[row + x]) pixels[y * w + x] = rgba;
        }
        ctx.putImageData(image, d.x0 - tile.x, d.y0 - tile.y);
      }
      out.push({ x: tile.x, y: tile.y, canvas: tile.canvas });
    }
    return out;
  }

  /** The rectangle the stroke touched, or null before the first dab. */
  bounds(): Rect | null {
    return this.x1 < this.x0 ? null : { x: this.x0, y: this.y0, w: this.x1 - this.x0, h: this.y1 - this.y0 };
  }

  /** The stroke's pixels over its bounds (1 = painted), or null before the first dab. */
  bits(): StrokeBits | null {
    const b = this.bounds();
    if (!b) return null;
    const data = new Uint8Array(b.w * b.h);
    for (const tile of this.tiles.values()) {
      const x0 = Math.max(tile.x, b.x),
        x1 = Math.min(tile.x + MASK_TILE, b.x + b.w);
      if (x1 <= x0) continue;
      for (let y = Math.max(tile.y, b.y); y < Math.min(tile.y + MASK_TILE, b.y + b.h); y++) {
        const from = (y - tile.y) * MASK_TILE + (x0 - tile.x);
        data.set(tile.bits.subarray(from, from + (x1 - x0)), (y - b.y) * b.w + (x0 - b.x));
      }
    }
    return { ...b, data };
  }
}
