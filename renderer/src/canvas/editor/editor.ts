import type { AnnotationDocument, Label, Shape } from "../../../../shared/annotation";
import type { CanvasHabits } from "../../../../shared/api";
import { DEFAULT_CANVAS_HABITS } from "../../../../shared/api";
import type { Tool, ToolContext, ToolId } from "../../tools/tool";
import { BoxTool } from "../../tools/box-tool";
import { FramedTool } from "../../tools/framed-tool";
import { KeypointsTool } from "../../tools/keypoints-tool";
import { MaskTool } from "../../tools/mask-tool";
import { PathTool } from "../../tools/path-tool";
import { PolygonTool } from "../../tools/polygon-tool";
import { SelectTool } from "../../tools/select-tool";
import { ScissorsTool } from "../../tools/scissors-tool";
import { WandTool } from "../../tools/wand-tool";
import type { AssistClient } from "../../assist/assist-client";
import { History } from "../history/history";
import { DocumentStore } from "../model/document-store";
import type { Point, Rect, Size } from "../geometry/rect";
import { clampPoint, expandRect, rectsIntersect } from "../geometry/rect";
import { hitShape, shapeBounds } from "../geometry/shape-geometry";
import type { Viewport } from "../geometry/viewport";
import { fitViewport, revealRect, toImage, zoomAt } from "../geometry/viewport";
import type { EditorChannel } from "./editor-events";
import { EditorEvents } from "./editor-events";
import type { LabelSchema } from "./label-schema";
import { documentLabels } from "./label-schema";

export interface EditorOptions {
  readonly taskId: string;
  readonly image: Size;
  readonly schema: LabelSchema;
  readonly document?: AnnotationDocument | null;
  /** The assisted-drawing worker, on the decrypted image in memory (absent: no wand or scissors). */
  readonly assist?: AssistClient | null;
}

/** A pointer event from the surface, in screen pixels relative to the canvas. */
export interface SurfacePointer {
  readonly screen: Point;
  readonly shift: boolean;
  readonly modify: boolean;
}

const HIT_TOLERANCE_PX = 4;

/**
 * The canvas's state and rules without React or Konva: document store, history, selection,
 * viewport, tools and view settings. The surface feeds it pointer events, the keyboard feeds
 * it actions, layers and panels subscribe to its channels. Unit tests drive it directly.
 */
export class Editor implements ToolContext {
  readonly store: DocumentStore;
  readonly history: History;
  readonly events = new EditorEvents();
  readonly schema: LabelSchema;
  readonly image: Size;
  private selected: ReadonlySet<string> = new Set();
  viewport: Viewport = { scale: 1, x: 0, y: 0 };
  viewSize: Size = { width: 1, height: 1 };
  private tools: {
    readonly select: SelectTool;
    readonly box: BoxTool;
    readonly polygon: PolygonTool;
    readonly polyline: PathTool;
    readonly points: PathTool;
    readonly keypoints: KeypointsTool;
    readonly mask: MaskTool;
    readonly "rotated-box": FramedTool;
    readonly ellipse: FramedTool;
    readonly wand: WandTool;
    readonly scissors: ScissorsTool;
  };
  readonly assist: AssistClient | null;
  private currentTool: Tool;
  private activeLabelId: string;
  /** Where the pointer is, in image pixels (crosshair, two-click preview). */
  pointer: Point | null = null;
  /**
   * The keyboard cursor, in image pixels: where Space places a point and N inserts a shape.
   * The pointer drags it along, so keys carry on where the mouse left off; it is drawn only
   * while `cursorShown` (the last cursor input was a key).
   */
  cursor: Point;
  cursorShown = false;
  /** The one handle (polygon vertex, box corner) picked by keys on a selected shape. */
  handle: { readonly shapeId: string; readonly index: number } | null = null;
  /** The last sentence for the screen's live region (see announce). */
  announcement = "";
  crosshair = true;
  /** Wheel and drag conventions; LabelView sets them from settings.canvas. */
  habits: CanvasHabits = DEFAULT_CANVAS_HABITS;
  brightness = 1;
  contrast = 1;

  constructor(options: EditorOptions) {
    this.schema = options.schema;
    this.image = options.image;
    const labels = options.document?.labels.length ? options.document.labels : documentLabels(options.schema);
    this.store = new DocumentStore(options.taskId, labels, options.image, options.document ?? undefined);
    this.history = new History(this.store);
    this.store.onChange((diff, recorded) => {
      if (recorded) this.history.push(diff);
      if (diff.removed.size > 0 && [...diff.removed.keys()].some((id) => this.selected.has(id))) {
        this.selected = new Set([...this.selected].filter((id) => this.store.has(id)));
        this.events.emit("selection");
      }
      this.events.emit("doc");
    });
    this.assist = options.assist ?? null;
    this.tools = {
      select: new SelectTool(this),
      box: new BoxTool(this),
      polygon: new PolygonTool(this),
      polyline: new PathTool(this, "polyline"),
      points: new PathTool(this, "points"),
      keypoints: new KeypointsTool(this),
      mask: new MaskTool(this),
      "rotated-box": new FramedTool(this, "rotated-box"),
      ellipse: new FramedTool(this, "ellipse"),
      wand: new WandTool(this),
      scissors: new ScissorsTool(this, () => this.events.emit("draft")),
    };
    const firstTool: ToolId = options.schema.tools[0] ?? "select";
    this.currentTool = this.tools[firstTool];
    const firstLabel = options.schema.labels[0] ?? options.schema.classes[0];
    if (!firstLabel) throw new Error("a label schema needs at least one label");
    this.activeLabelId = firstLabel.id;
    this.cursor = { x: options.image.width / 2, y: options.image.height / 2 };
  }

  // ── ToolContext ───────────────────────────────────────────────────────────
  pixelsPerScreenPixel(): number {
    return 1 / this.viewport.scale;
  }

  selection(): ReadonlySet<string> {
    return this.selected;
  }

  setSelection(ids: Iterable<string>): void {
    const next = new Set([...ids].filter((id) => this.store.has(id)));
    if (next.size === this.selected.size && [...next].every((id) => this.selected.has(id))) return;
    this.selected = next;
    if (this.handle && !next.has(this.handle.shapeId)) this.handle = null;
    this.events.emit("selection");
  }

  activeLabel(): Label {
    return this.labelById(this.activeLabelId) ?? (this.schema.labels[0] as Label);
  }

  newShapeId(): string {
    return crypto.randomUUID();
  }

  editShapes(next: readonly Shape[]): void {
    this.store.update(next.map(markHumanEdit));
  }

  addShapes(shapes: readonly Shape[]): void {
    this.history.commit();
    this.store.add(shapes);
    this.setSelection(shapes.map((s) => s.id));
    const first = shapes[0];
    if (shapes.length === 1 && first)
      this.announce(`${kindName(first)} added: ${this.labelById(first.label)?.name ?? first.label}`);
    else if (shapes.length > 1) this.announce(`${shapes.length} shapes added`);
  }

  /**
   * One sentence about what a person just did to their work, for the screen's polite live
   * region (the host debounces: a held arrow key says only where it ended).
   */
  announce(text: string): void {
    this.announcement = text;
    this.events.emit("announce");
  }

  redrawDraft(): void {
    this.events.emit("draft");
  }

  /** Resolves when work a gesture left running (a large mask stroke being encoded) is in the document. */
  settled(): Promise<void> {
    return this.tools.mask.settled();
  }

  shapeAt(p: Point): Shape | null {
    const tolerance = HIT_TOLERANCE_PX * this.pixelsPerScreenPixel();
    let best: Shape | null = null;
    let bestZ = -Infinity;
    for (const id of this.store.index.search(expandRect({ x: p.x, y: p.y, w: 0, h: 0 }, tolerance))) {
      const shape = this.store.get(id);
      if (!shape || shape.hidden || !hitShape(shape, p, tolerance)) continue;
      const z = this.store.zOf(id);
      if (z > bestZ) {
        best = shape;
        bestZ = z;
      }
    }
    return best;
  }

  shapesIn(area: Rect): Shape[] {
    return this.store.index
      .search(area)
      .map((id) => this.store.get(id))
      .filter((s): s is Shape => s !== undefined && !s.hidden && rectsIntersect(shapeBounds(s), area));
  }

  // ── Labels and tools ──────────────────────────────────────────────────────
  labelById(id: string): Label | undefined {
    return this.store.labels.find((l) => l.id === id);
  }

  get activeLabelIdValue(): string {
    return this.activeLabelId;
  }

  setActiveLabel(id: string): void {
    if (this.activeLabelId === id) return;
    this.activeLabelId = id;
    this.events.emit("ui");
    this.events.emit("draft");
  }

  get tool(): Tool {
    return this.currentTool;
  }

  get maskTool(): MaskTool {
    return this.tools.mask;
  }

  get keypointsTool(): KeypointsTool {
    return this.tools.keypoints;
  }

  get wandTool(): WandTool {
    return this.tools.wand;
  }

  setTool(id: ToolId): void {
    if (this.currentTool.id === id) return;
    this.currentTool.cancel();
    this.currentTool = this.tools[id];
    this.events.emit("ui");
    this.events.emit("draft");
  }

  // ── Pointer ───────────────────────────────────────────────────────────────
  private input(p: SurfacePointer) {
    return { point: toImage(this.viewport, p.screen), shift: p.shift, modify: p.modify };
  }

  pointerDown(p: SurfacePointer): void {
    const input = this.input(p);
    this.pointer = input.point;
    this.currentTool.down(input);
    this.events.emit("draft");
  }

  pointerMove(p: SurfacePointer): void {
    const input = this.input(p);
    this.pointer = input.point;
    this.cursor = clampPoint(input.point, this.image);
    this.cursorShown = false;
    this.currentTool.move(input);
    this.events.emit("draft");
  }

  pointerUp(p: SurfacePointer): void {
    const input = this.input(p);
    this.pointer = input.point;
    this.currentTool.up(input);
    this.events.emit("draft");
  }

  pointerLeave(): void {
    this.pointer = null;
    this.events.emit("draft");
  }

  // ── Viewport ──────────────────────────────────────────────────────────────
  setViewport(vp: Viewport): void {
    this.viewport = vp;
    this.events.emit("viewport");
  }

  setViewSize(size: Size): void {
    const first = this.viewSize.width <= 1;
    this.viewSize = size;
    if (first) this.fit();
    else this.events.emit("viewport");
  }

  fit(): void {
    this.setViewport(fitViewport(this.image, this.viewSize));
  }

  zoomBy(factor: number, anchor?: Point): void {
    this.setViewport(
      zoomAt(this.viewport, anchor ?? { x: this.viewSize.width / 2, y: this.viewSize.height / 2 }, factor),
    );
  }

  panBy(dx: number, dy: number): void {
    this.setViewport({ ...this.viewport, x: this.viewport.x + dx, y: this.viewport.y + dy });
  }

  reveal(shape: Shape): void {
    const next = revealRect(this.viewport, this.viewSize, shapeBounds(shape));
    if (next !== this.viewport) this.setViewport(next);
  }

  // ── View settings ─────────────────────────────────────────────────────────
  setImageAdjust(brightness: number, contrast: number): void {
    this.brightness = Math.min(3, Math.max(0.2, Math.round(brightness * 100) / 100));
    this.contrast = Math.min(3, Math.max(0.2, Math.round(contrast * 100) / 100));
    this.events.emit("ui");
  }

  setCrosshair(on: boolean): void {
    this.crosshair = on;
    this.events.emit("ui");
    this.events.emit("draft");
  }

  emit(channel: EditorChannel): void {
    this.events.emit(channel);
  }

  toDocument(timeSpentMs: number): AnnotationDocument {
    return this.store.toDocument(timeSpentMs);
  }
}

/** "Box", "Polygon", "Skeleton"…: how announcements name a shape's kind. */
export function kindName(shape: Shape): string {
  return KIND_NAMES[shape.kind];
}

const KIND_NAMES: Readonly<Record<Shape["kind"], string>> = {
  box: "Box",
  polygon: "Polygon",
  polyline: "Polyline",
  points: "Points",
  keypoints: "Skeleton",
  mask: "Mask",
  "rotated-box": "Rotated box",
  ellipse: "Ellipse",
};

/** A human changed this shape: a model's first guess that is touched is flagged as edited. */
export function markHumanEdit(shape: Shape): Shape {
  if (shape.source?.kind !== "model" || shape.source.edited) return shape;
  return { ...shape, source: { ...shape.source, edited: true } };
}
