import type { Size } from "../geometry/rect";
import type { Viewport } from "../geometry/viewport";
import { visibleImageRect } from "../geometry/viewport";

interface Level {
  readonly source: CanvasImageSource;
  /** Level width / image width. */
  readonly scale: number;
}

const SMALLEST_LEVEL_PX = 512;

/**
 * Halved copies of the image, so that drawing an 8192² image zoomed out reads a 1024² bitmap
 * instead of resampling 64 megapixels every frame. Only the visible part is ever drawn.
 */
export class ImagePyramid {
  private readonly levels: Level[];
  private disposed = false;
  private building: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    source: CanvasImageSource,
    readonly size: Size,
  ) {
    this.levels = [{ source, scale: 1 }];
  }

  /** Calls back whenever a smaller level becomes available. */
  onLevel(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Builds the smaller levels off the drawing path, once however often it is asked. */
  build(): Promise<void> {
    this.building ??= this.buildLevels().catch(() => undefined);
    return this.building;
  }

  private async buildLevels(): Promise<void> {
    let previous = this.levels[0] as Level;
    for (let scale = 0.5; Math.max(this.size.width, this.size.height) * scale >= SMALLEST_LEVEL_PX; scale /= 2) {
      const bitmap = await createImageBitmap(previous.source as ImageBitmapSource, {
        resizeWidth: Math.max(1, Math.round(this.size.width * scale)),
        resizeHeight: Math.max(1, Math.round(this.size.height * scale)),
        resizeQuality: "medium",
      });
      if (this.disposed) {
        bitmap.close();
        return;
      }
      previous = { source: bitmap, scale };
      this.levels.push(previous);
      for (const listener of this.listeners) listener();
    }
  }

  private pick(viewScale: number): Level {
    let best = this.levels[0] as Level;
    for (const level of this.levels) if (level.scale >= viewScale && level.scale < best.scale) best = level;
    return best;
  }

  paint(ctx: CanvasRenderingContext2D, vp: Viewport, view: Size): void {
    const visible = visibleImageRect(vp, view);
    const x0 = Math.max(0, Math.floor(visible.x));
    const y0 = Math.max(0, Math.floor(visible.y));
    const x1 = Math.min(this.size.width, Math.ceil(visible.x + visible.w));
    const y1 = Math.min(this.size.height, Math.ceil(visible.y + visible.h));
    if (x1 <= x0 || y1 <= y0) return;
    const level = this.pick(vp.scale);
    const k = level.scale;
    ctx.save();
    // Zoomed in, labellers need to see real pixels to place edges exactly: no smoothing.
    ctx.imageSmoothingEnabled = vp.scale < 2;
    ctx.setTransform(ctx.getTransform().translate(vp.x, vp.y).scale(vp.scale));
    ctx.drawImage(level.source, x0 * k, y0 * k, (x1 - x0) * k, (y1 - y0) * k, x0, y0, x1 - x0, y1 - y0);
    ctx.restore();
  }

  dispose(): void {
    this.disposed = true;
    for (const level of this.levels.slice(1)) if (level.source instanceof ImageBitmap) level.source.close();
  }
}
