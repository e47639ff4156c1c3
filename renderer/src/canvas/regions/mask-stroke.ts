import type { MaskBits } from "../../../../shared/annotation";
import type { Point, Rect, Size } from "../geometry/rect";

/** Side of a paint tile, in image pixels: a dab touches at most a few, whatever the image size. */
export const MASK_TILE = 256;

interface Tile {
  readonly x: number;
  readonly y: number;
  readonly canvas: OffscreenCanvas;
  readonly ctx: OffscreenCanvasRenderingContext2D;
}

/**
 * One brush stroke, painted into 256² offscreen tiles as the pointer moves (so a dab on an
 * 8192² image touches a few small canvases, not a 64-megapixel bitmap) and read back into bits
 * once, when the stroke ends. The 2D context rasterises the round dabs and the segments between
 * them; a pixel counts as painted when its coverage is at least half.
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
    this.x0 = Math.min(this.x0, minX);
    this.y0 = Math.min(this.y0, minY);
    this.x1 = Math.max(this.x1, maxX);
    this.y1 = Math.max(this.y1, maxY);
    for (let ty = Math.floor(minY / MASK_TILE); ty * MASK_TILE < maxY; ty++) {
      for (let tx = Math.floor(minX / MASK_TILE); tx * MASK_TILE < maxX; tx++) {
        const tile = this.tile(tx, ty);
        const ctx = tile.ctx;
        ctx.beginPath();
        ctx.moveTo(from.x - tile.x, from.y - tile.y);
        ctx.lineTo(p.x - tile.x, p.y - tile.y);
        ctx.stroke();
        ctx.beginPath();
        ctx.arc(p.x - tile.x, p.y - tile.y, r, 0, Math.PI * 2);
        ctx.fill();
      }
    }
  }

  private tile(tx: number, ty: number): Tile {
    const key = `${tx},${ty}`;
    let tile = this.tiles.get(key);
    if (!tile) {
      const canvas = new OffscreenCanvas(MASK_TILE, MASK_TILE);
      const ctx = canvas.getContext("2d");
      if (!ctx) throw new Error("no 2D context for a brush tile");
      ctx.fillStyle = this.color;
      ctx.strokeStyle = this.color;
      ctx.lineWidth = 2 * this.radius;
      ctx.lineCap = "round";
      tile = { x: tx * MASK_TILE, y: ty * MASK_TILE, canvas, ctx };
      this.tiles.set(key, tile);
    }
    return tile;
  }

  /** The painted tiles, for the drawing layer. */
  tileList(): Array<{ x: number; y: number; canvas: OffscreenCanvas }> {
    return [...this.tiles.values()];
  }

  /** The rectangle the stroke touched, or null before the first dab. */
  bounds(): Rect | null {
    return this.x1 < this.x0 ? null : { x: this.x0, y: this.y0, w: this.x1 - this.x0, h: this.y1 - this.y0 };
  }

  /** Writes the stroke into `bits` (whose top-left is at ox, oy in the image): 1 to paint, 0 to erase. */
  applyTo(bits: MaskBits, ox: number, oy: number, value: 0 | 1): void {
    for (const tile of this.tiles.values()) {
      const x0 = Math.max(tile.x, ox),
        y0 = Math.max(tile.y, oy);
      const x1 = Math.min(tile.x + MASK_TILE, ox + bits.w, this.image.width),
        y1 = Math.min(tile.y + MASK_TILE, oy + bits.h, this.image.height);
      if (x1 <= x0 || y1 <= y0) continue;
      const alpha = tile.ctx.getImageData(x0 - tile.x, y0 - tile.y, x1 - x0, y1 - y0).data;
      const w = x1 - x0;
      for (let y = y0; y < y1; y++) {
        const row = (y - oy) * bits.w - ox;
        const src = (y - y0) * w;
        for (let x = x0; x < x1; x++) if ((alpha[4 * (src + x - x0) + 3] as number) >= 128) bits.data[row + x] = value;
      }
    }
  }
}
