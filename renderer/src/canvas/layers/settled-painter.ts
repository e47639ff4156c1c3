import type { Rect } from "../geometry/rect";
import { rectContainsRect, widenRect } from "../geometry/rect";
import { visibleImageRect } from "../geometry/viewport";
import type { Editor } from "../editor/editor";
import type { RegionStyle } from "../regions/region-style";
import { regionStyle, styleKey, traceShape } from "../regions/region-style";

interface Batch {
  readonly style: RegionStyle;
  readonly path: Path2D;
}

interface Culled {
  readonly area: Rect;
  readonly batches: readonly Batch[];
  readonly count: number;
}

/** How far beyond the viewport shapes are kept, as a fraction of its size on each side. */
const CULL_MARGIN = 0.5;

/**
 * Paints every shape that is not selected (selected ones live on the selection layer and are
 * never culled). Shapes in a widened viewport are found in the R-tree and batched into one
 * Path2D per colour, so a pan frame is a dozen fill/stroke calls, not 10,000 node draws; the
 * batches are rebuilt only when the document changes or the view leaves the widened area.
 */
export class SettledPainter {
  private culled: Culled | null = null;

  invalidate(): void {
    this.culled = null;
  }

  /** Shapes in the current batches (for the benchmark and tests). */
  get paintedCount(): number {
    return this.culled?.count ?? 0;
  }

  private rebuild(editor: Editor, visible: Rect): Culled {
    const area = widenRect(visible, CULL_MARGIN);
    const selected = editor.selection();
    const ids = editor.store.index.search(area).sort((a, b) => editor.store.zOf(a) - editor.store.zOf(b));
    const batches = new Map<string, Batch>();
    let count = 0;
    for (const id of ids) {
      const shape = editor.store.get(id);
      if (!shape || shape.hidden || selected.has(id)) continue;
      const style = regionStyle(shape, editor.labelById(shape.label)?.color);
      const key = styleKey(style);
      let batch = batches.get(key);
      if (!batch) batches.set(key, (batch = { style, path: new Path2D() }));
      traceShape(batch.path, shape);
      count++;
    }
    return { area, batches: [...batches.values()], count };
  }

  paint(ctx: CanvasRenderingContext2D, editor: Editor): void {
    const vp = editor.viewport;
    const visible = visibleImageRect(vp, editor.viewSize);
    const c = this.culled;
    const stale = !c || !rectContainsRect(c.area, visible) || c.area.w * c.area.h > 16 * visible.w * visible.h;
    const culled = stale ? (this.culled = this.rebuild(editor, visible)) : c;
    ctx.save();
    ctx.setTransform(ctx.getTransform().translate(vp.x, vp.y).scale(vp.scale));
    ctx.lineWidth = 1.5 / vp.scale;
    ctx.lineJoin = "miter";
    const dash = [6 / vp.scale, 4 / vp.scale];
    for (const { style, path } of culled.batches) {
      ctx.fillStyle = style.fill;
      ctx.fill(path);
      ctx.strokeStyle = style.stroke;
      ctx.setLineDash(style.dashed ? dash : []);
      ctx.stroke(path);
    }
    ctx.restore();
  }
}
