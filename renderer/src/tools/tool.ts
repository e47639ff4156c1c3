import type { Label, Shape, ShapeKind } from "../../../shared/annotation";
import type { CanvasHabits } from "../../../shared/api";
import type { AssistClient } from "../assist/assist-client";
import type { History } from "../canvas/history/history";
import type { DocumentStore } from "../canvas/model/document-store";
import type { Point, Rect, Size } from "../canvas/geometry/rect";

/** Select, one drawing tool per shape kind (mask = brush and eraser), and the assisted tools. */
export type ToolId = "select" | ShapeKind | "wand" | "scissors";

/** One pointer event, already in image pixels (tools never see screen coordinates). */
export interface PointerInput {
  readonly point: Point;
  readonly shift: boolean;
  /** Alt or Ctrl/Cmd: the "edit vertices" modifier. */
  readonly modify: boolean;
}

/** A tile of brush paint, placed in image pixels. */
export interface MaskTile {
  readonly x: number;
  readonly y: number;
  readonly canvas: OffscreenCanvas;
}

/** What the drawing layer shows while a tool is mid-gesture. */
export type Draft =
  /** A box being dragged; `ellipse` shows the ellipse it frames. */
  | { readonly kind: "box"; readonly rect: Rect; readonly label: string; readonly ellipse?: boolean }
  /** A path being clicked: closed (polygon), `open` (polyline) or `dots` (points); `wire` is the live-wire tail. */
  | {
      readonly kind: "polygon";
      readonly points: readonly number[];
      readonly hover: Point | null;
      readonly closable: boolean;
      readonly label: string;
      readonly open?: boolean;
      readonly dots?: boolean;
      readonly wire?: readonly number[];
    }
  | {
      readonly kind: "keypoints";
      readonly points: readonly number[];
      readonly visibility: readonly number[];
      readonly hover: Point | null;
      readonly next: string | null;
      readonly label: string;
    }
  /** Brush dabs not yet in the document: tiles of paint in image pixels; `landing`: lifted strokes still being encoded. */
  | {
      readonly kind: "mask";
      readonly tiles: readonly MaskTile[];
      readonly erase: boolean;
      readonly label: string;
      readonly landing?: ReadonlyArray<{ readonly tiles: readonly MaskTile[]; readonly erase: boolean }>;
    }
  /** The brush outline under the pointer or cursor. */
  | {
      readonly kind: "brush";
      readonly at: Point;
      readonly radius: number;
      readonly erase: boolean;
      readonly label: string;
    }
  | { readonly kind: "marquee"; readonly rect: Rect };

/** The editor as tools see it: the document, history, selection and a few facts about the view. */
export interface ToolContext {
  readonly store: DocumentStore;
  /** The assisted-drawing worker (wand, scissors); null where there is none. */
  readonly assist: AssistClient | null;
  readonly history: History;
  readonly image: Size;
  /** The labeller's canvas habits (settings.canvas): what a drag on a selected shape does. */
  readonly habits: CanvasHabits;
  /** Image pixels per screen pixel, for zoom-independent tolerances. */
  pixelsPerScreenPixel(): number;
  selection(): ReadonlySet<string>;
  setSelection(ids: Iterable<string>): void;
  activeLabel(): Label;
  newShapeId(): string;
  /** Writes new versions of existing shapes, flagging edited pre-labels; recorded. */
  editShapes(next: readonly Shape[]): void;
  /** Adds shapes and selects them; recorded as one step. */
  addShapes(shapes: readonly Shape[]): void;
  /** Topmost visible shape under the point. */
  shapeAt(p: Point): Shape | null;
  shapesIn(area: Rect): Shape[];
  /** A sentence for the screen's live region. */
  announce(text: string): void;
  /** Asks the drawing layer to repaint (a tool's draft changed outside a pointer event). */
  redrawDraft(): void;
}

/** A tool is a small state machine fed pointer events (Label Studio tools, tldraw states). */
export interface Tool {
  readonly id: ToolId;
  down(input: PointerInput): void;
  /** Pointer moves, with or without a button held (two-click drawing follows the hover). */
  move(input: PointerInput): void;
  up(input: PointerInput): void;
  /** Escape: returns true when there was something to cancel. */
  cancel(): boolean;
  /** Enter. */
  finish(): boolean;
  /** Backspace while drawing; false when the tool has nothing to take back. */
  removeLast(): boolean;
  draft(): Draft | null;
  /** True mid-gesture: the editor holds selection-changing keys until it ends. */
  busy(): boolean;
}

/** Screen pixels within which a handle or vertex is grabbed. */
export const GRAB_RADIUS_PX = 7;
/** Screen pixels a press must travel before it counts as a drag rather than a click. */
export const DRAG_THRESHOLD_PX = 3;
