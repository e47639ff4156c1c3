import Konva from "konva";
import type { Shape } from "../../shared/annotation";
import type { Label } from "../../shared/annotation";

/**
 * The baseline: how a canvas is usually first written with Konva: one node per shape, all in
 * one listening layer, the image as one full-size Konva.Image, zoom and pan by the stage
 * transform, the box being drawn as one more node in the same layer.
 */
export class NaiveCanvas {
  private readonly stage: Konva.Stage;
  private readonly layer: Konva.Layer;
  private readonly draft: Konva.Rect;

  constructor(
    container: HTMLDivElement,
    image: CanvasImageSource,
    imageSize: number,
    shapes: readonly Shape[],
    labels: readonly Label[],
  ) {
    this.stage = new Konva.Stage({ container, width: container.clientWidth, height: container.clientHeight });
    this.layer = new Konva.Layer();
    this.stage.add(this.layer);
    const color = new Map(labels.map((l) => [l.id, l.color]));
    this.layer.add(
      new Konva.Image({ image: image as HTMLImageElement, x: 0, y: 0, width: imageSize, height: imageSize }),
    );
    for (const s of shapes) {
      const stroke = color.get(s.label) ?? "#ff00ff";
      const common = { stroke, strokeWidth: 2, fill: stroke + "2e", draggable: true, name: s.id };
      if (s.kind === "box") this.layer.add(new Konva.Rect({ ...common, x: s.x, y: s.y, width: s.w, height: s.h }));
      else if (s.kind === "polygon") this.layer.add(new Konva.Line({ ...common, points: s.points, closed: true }));
    }
    this.draft = new Konva.Rect({ stroke: "#ffffff", strokeWidth: 2, visible: false });
    this.layer.add(this.draft);
    const scale = Math.min(container.clientWidth / imageSize, container.clientHeight / imageSize);
    this.stage.scale({ x: scale, y: scale });
    this.layer.draw();
  }

  panBy(dx: number, dy: number): void {
    this.stage.position({ x: this.stage.x() + dx, y: this.stage.y() + dy });
    this.layer.batchDraw();
  }

  zoomBy(factor: number): void {
    const s = this.stage.scaleX() * factor;
    const cx = this.stage.width() / 2,
      cy = this.stage.height() / 2;
    this.stage.position({ x: cx - (cx - this.stage.x()) * factor, y: cy - (cy - this.stage.y()) * factor });
    this.stage.scale({ x: s, y: s });
    this.layer.batchDraw();
  }

  /** One pointer step of drawing a box from (x0, y0) to (x, y) in image pixels. */
  drawStep(x0: number, y0: number, x: number, y: number): void {
    this.draft.setAttrs({
      visible: true,
      x: Math.min(x0, x),
      y: Math.min(y0, y),
      width: Math.abs(x - x0),
      height: Math.abs(y - y0),
    });
    this.layer.batchDraw();
  }

  destroy(): void {
    this.stage.destroy();
  }
}
