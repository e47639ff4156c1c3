import RBush from "rbush";
import type { Shape } from "../../../../shared/annotation";
import type { Rect } from "../geometry/rect";
import { shapeBounds } from "../geometry/shape-geometry";

interface IndexedBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  readonly id: string;
}

/**
 * Shape bounding boxes in an R-tree (tldraw's spatialIndex, Excalidraw's culling), kept in step
 * with the document one shape at a time so a move at 10,000 shapes costs a log, not a rebuild.
 */
export class ShapeIndex {
  private readonly tree = new RBush<IndexedBox>();
  private readonly boxes = new Map<string, IndexedBox>();

  load(shapes: Iterable<Shape>): void {
    this.tree.clear();
    this.boxes.clear();
    const items: IndexedBox[] = [];
    for (const shape of shapes) {
      const item = toBox(shape);
      this.boxes.set(shape.id, item);
      items.push(item);
    }
    this.tree.load(items);
  }

  upsert(shape: Shape): void {
    this.remove(shape.id);
    const item = toBox(shape);
    this.boxes.set(shape.id, item);
    this.tree.insert(item);
  }

  remove(id: string): void {
    const item = this.boxes.get(id);
    if (!item) return;
    this.tree.remove(item);
    this.boxes.delete(id);
  }

  search(area: Rect): string[] {
    return this.tree
      .search({ minX: area.x, minY: area.y, maxX: area.x + area.w, maxY: area.y + area.h })
      .map((b) => b.id);
  }

  get size(): number {
    return this.boxes.size;
  }
}

function toBox(shape: Shape): IndexedBox {
  const b = shapeBounds(shape);
  return { minX: b.x, minY: b.y, maxX: b.x + b.w, maxY: b.y + b.h, id: shape.id };
}
