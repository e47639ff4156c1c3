import type { Shape } from "../../../../shared/annotation";
import { MIN_BOX_SIZE } from "../geometry/box-geometry";
import type { Point } from "../geometry/rect";
import { clampPoint } from "../geometry/rect";
import { handleNoun, handlesOf, insertHandleAfter, moveHandle, removeHandle } from "../geometry/shape-handles";
import { revealRect, toImage, toScreen } from "../geometry/viewport";
import type { Editor } from "./editor";
import { kindName } from "./editor";

/**
 * Keyboard drawing: a cursor in image pixels that keys move anywhere on the image, the view
 * following it; the active tool is fed the same down/move/up it gets from the mouse, at the
 * cursor. So a tool that can be drawn by clicks (box: two corners, polygon: vertex by vertex)
 * is drawn by keys with no code of its own. See "Keyboard drawing pattern" in the README.
 */

/** Screen pixels a fine step is worth at least, and a coarse (Shift) step. */
const FINE_SCREEN_PX = 1;
const COARSE_SCREEN_PX = 40;
/** Page keys pan by this share of the view. */
const PAGE_SHARE = 0.8;
/** The view follows the cursor when it comes closer than this to an edge (screen pixels). */
const FOLLOW_MARGIN_PX = 48;

/** Whole image pixels, never less than one screen pixel (fine) or 40 (coarse) at this zoom. */
export function cursorStep(editor: Editor, coarse: boolean): number {
  const screen = coarse ? COARSE_SCREEN_PX : FINE_SCREEN_PX;
  return Math.max(coarse ? 10 : 1, Math.round(screen / editor.viewport.scale));
}

function point(p: Point): string {
  return `${Math.round(p.x)}, ${Math.round(p.y)}`;
}

function showCursor(editor: Editor, p: Point): void {
  editor.cursor = clampPoint(p, editor.image);
  editor.cursorShown = true;
  const next = revealRect(
    editor.viewport,
    editor.viewSize,
    { x: editor.cursor.x, y: editor.cursor.y, w: 0, h: 0 },
    FOLLOW_MARGIN_PX,
  );
  if (next !== editor.viewport) editor.setViewport(next);
  // mid-gesture the tool's preview follows the cursor as it follows the mouse
  if (editor.tool.busy()) editor.tool.move({ point: editor.cursor, shift: false, modify: false });
  editor.emit("draft");
}

/** Arrow keys with nothing selected, or while drawing: the cursor moves (steps of cursorStep). */
export function moveCursor(editor: Editor, dx: number, dy: number, coarse: boolean): boolean {
  const step = cursorStep(editor, coarse);
  showCursor(editor, { x: Math.round(editor.cursor.x + dx * step), y: Math.round(editor.cursor.y + dy * step) });
  if (editor.tool.id === "mask" && editor.tool.busy()) {
    editor.announce(`${editor.maskTool.erase ? "Erasing" : "Painting"} at ${point(editor.cursor)}`);
    return true;
  }
  const under = editor.shapeAt(editor.cursor);
  editor.announce(
    `Cursor ${point(editor.cursor)}${under ? `, on ${kindName(under).toLowerCase()} ${editor.labelById(under.label)?.name ?? under.label}` : ""}`,
  );
  return true;
}

/** A cursor the mouse left outside the view comes back to the view's centre. */
function bringCursorIntoView(editor: Editor): void {
  const s = toScreen(editor.viewport, editor.cursor);
  if (s.x < 0 || s.y < 0 || s.x > editor.viewSize.width || s.y > editor.viewSize.height) {
    editor.cursor = clampPoint(
      toImage(editor.viewport, { x: editor.viewSize.width / 2, y: editor.viewSize.height / 2 }),
      editor.image,
    );
  }
}

function revealCursor(editor: Editor): boolean {
  bringCursorIntoView(editor);
  showCursor(editor, editor.cursor);
  editor.announce(`Cursor ${point(editor.cursor)}; arrows move it, Space places a point`);
  return true;
}

/** Home: the cursor jumps to the middle of what is in view (after the mouse panned away). */
export function cursorToViewCentre(editor: Editor): boolean {
  showCursor(editor, toImage(editor.viewport, { x: editor.viewSize.width / 2, y: editor.viewSize.height / 2 }));
  editor.announce(`Cursor ${point(editor.cursor)}, centre of the view`);
  return true;
}

/**
 * Page keys pan the view by most of a screen; the cursor keeps its place on the screen (so it
 * stays in view) and lands on the image part now under it.
 */
export function panView(editor: Editor, fx: number, fy: number): boolean {
  const dx = -fx * PAGE_SHARE * editor.viewSize.width;
  const dy = -fy * PAGE_SHARE * editor.viewSize.height;
  const onScreen = toScreen(editor.viewport, editor.cursor);
  editor.panBy(dx, dy);
  editor.cursor = clampPoint(toImage(editor.viewport, onScreen), editor.image);
  editor.cursorShown = true;
  if (editor.tool.busy()) editor.tool.move({ point: editor.cursor, shift: false, modify: false });
  editor.emit("draft");
  const topLeft = toImage(editor.viewport, { x: 0, y: 0 });
  editor.announce(
    `View panned to ${point({ x: Math.max(0, topLeft.x), y: Math.max(0, topLeft.y) })}; cursor ${point(editor.cursor)}`,
  );
  return true;
}

/**
 * Space: what a click at the cursor would do with the active tool: a box's first then opposite
 * corner, a polygon's next vertex (on the first vertex it closes), the select tool picks the
 * shape under the cursor. A drawing tool starts on a clear selection so that a press on a
 * selected shape's handle is never taken for a resize.
 */
export function placeAtCursor(editor: Editor): boolean {
  const tool = editor.tool;
  // The first Space only shows the cursor: a mouse user holding Space to pan places nothing.
  if (!editor.cursorShown && !tool.busy()) return revealCursor(editor);
  if (tool.id === "mask") return toggleBrush(editor);
  if (tool.id !== "select" && !tool.busy()) editor.setSelection([]);
  const input = { point: editor.cursor, shift: false, modify: false };
  const before = editor.store.count;
  tool.down(input);
  tool.up(input);
  editor.cursorShown = true;
  editor.emit("draft");
  if (editor.store.count !== before) return true; // addShapes announced the new shape
  const draft = tool.draft();
  if (draft?.kind === "polygon") {
    const n = draft.points.length / 2;
    const closing = draft.open
      ? n >= (draft.dots ? 1 : 2)
        ? "; Enter finishes"
        : ""
      : n >= 3
        ? "; Enter closes the polygon"
        : "";
    editor.announce(`Point ${n} at ${point(editor.cursor)}${closing}`);
  } else if (draft?.kind === "keypoints") {
    const placed = draft.visibility.length;
    editor.announce(
      `Joint ${placed} placed at ${point(editor.cursor)}${draft.next ? `; next: ${draft.next} (J skips it, Shift+J places it occluded)` : ""}`,
    );
  } else if (draft?.kind === "box")
    editor.announce(`First corner at ${point(editor.cursor)}; move and press Space for the opposite corner`);
  else if (tool.id === "select") {
    const picked = [...editor.selection()][0];
    const shape = picked ? editor.store.get(picked) : undefined;
    editor.announce(
      shape
        ? `Selected ${kindName(shape).toLowerCase()} ${editor.labelById(shape.label)?.name ?? shape.label}`
        : "Nothing under the cursor",
    );
  }
  return true;
}

/**
 * Space with the brush: puts it down at the cursor (a dab; then arrows paint as the cursor
 * moves, Shift+arrows in long strokes) or lifts it, which lands the stroke in the selected mask
 * or a new one, one undo step, as a mouse stroke does. The brush paints into the selected mask,
 * so the selection is kept.
 */
function toggleBrush(editor: Editor): boolean {
  const brush = editor.maskTool;
  const input = { point: editor.cursor, shift: false, modify: false };
  editor.cursorShown = true;
  if (brush.busy()) {
    brush.up();
    editor.emit("draft");
    return true; // the mask tool says what the stroke did when it lands
  }
  if (brush.erase && !brush.target()) {
    editor.announce("The eraser needs a selected mask: select one, or Shift+M to paint");
    return true;
  }
  brush.down(input);
  editor.emit("draft");
  editor.announce(
    `${brush.erase ? "Eraser" : "Brush"} down at ${point(editor.cursor)}, ${brush.radius} px; arrows ${brush.erase ? "erase" : "paint"}, Space lifts`,
  );
  return true;
}

/**
 * N: a new shape at the cursor. A box of a sensible size centred on it (then arrows move it and
 * Alt+arrows size it); with the polygon tool, the first vertex of a polygon to draw by Space.
 */
export function insertAtCursor(editor: Editor): boolean {
  if (!editor.cursorShown) bringCursorIntoView(editor);
  if (editor.tool.id === "polygon") {
    if (editor.tool.busy()) return false;
    editor.cursorShown = true;
    return placeAtCursor(editor);
  }
  if (!editor.schema.tools.includes("box")) return false;
  const size = Math.max(MIN_BOX_SIZE, Math.min(editor.image.width, editor.image.height, 80 / editor.viewport.scale));
  const x = Math.min(editor.image.width - size, Math.max(0, editor.cursor.x - size / 2));
  const y = Math.min(editor.image.height - size, Math.max(0, editor.cursor.y - size / 2));
  const shape: Shape = {
    id: editor.newShapeId(),
    kind: "box",
    label: editor.activeLabel().id,
    source: { kind: "human" },
    x,
    y,
    w: size,
    h: size,
  };
  editor.addShapes([shape]);
  return true;
}

/** The single editable selected shape whose handles keys can pick, if there is one. */
function handleTarget(editor: Editor): Shape | null {
  if (editor.selection().size !== 1 || editor.tool.busy()) return null;
  const shape = editor.store.get([...editor.selection()][0] as string);
  return shape && !shape.locked && !shape.hidden ? shape : null;
}

function describeHandle(shape: Shape, index: number): string {
  const p = handlesOf(shape)[index] as Point;
  return `${handleNoun(shape)} ${index + 1} of ${handlesOf(shape).length} at ${point(p)}`;
}

/** E / Shift+E: picks the next or previous vertex (corner) of the selected shape. */
export function stepHandle(editor: Editor, step: 1 | -1): boolean {
  const shape = handleTarget(editor);
  if (!shape) return false;
  const n = handlesOf(shape).length;
  const current = editor.handle?.shapeId === shape.id ? editor.handle.index : step === 1 ? -1 : 0;
  const index = (current + step + n) % n;
  editor.handle = { shapeId: shape.id, index };
  editor.cursor = handlesOf(shape)[index] as Point;
  editor.cursorShown = true;
  editor.reveal({ ...shape });
  editor.emit("selection");
  editor.emit("draft");
  editor.announce(describeHandle(shape, index));
  return true;
}

function pickedHandle(editor: Editor): { shape: Shape; index: number } | null {
  const shape = handleTarget(editor);
  if (!shape || editor.handle?.shapeId !== shape.id) return null;
  return { shape, index: editor.handle.index };
}

/** Arrows with a vertex picked: the vertex moves (the cursor with it); one key press, one undo step. */
export function moveHandleBy(editor: Editor, dx: number, dy: number, coarse: boolean): boolean {
  const picked = pickedHandle(editor);
  if (!picked) return false;
  const step = cursorStep(editor, coarse);
  const from = handlesOf(picked.shape)[picked.index] as Point;
  editor.history.commit();
  const moved = moveHandle(picked.shape, picked.index, { x: from.x + dx * step, y: from.y + dy * step }, editor.image);
  editor.editShapes([moved]);
  const now = editor.store.get(moved.id) ?? moved;
  editor.cursor = handlesOf(now)[picked.index] as Point;
  editor.cursorShown = true;
  editor.emit("draft");
  editor.announce(`${handleNoun(now)} ${picked.index + 1} moved to ${point(editor.cursor)}`);
  return true;
}

/** Shift+N with a vertex picked: a new vertex halfway to the next one, picked. */
export function insertHandle(editor: Editor): boolean {
  const picked = pickedHandle(editor);
  const inserted = picked && insertHandleAfter(picked.shape, picked.index);
  if (!picked || !inserted) return false;
  editor.history.commit();
  editor.editShapes([inserted.shape]);
  editor.handle = { shapeId: picked.shape.id, index: inserted.index };
  editor.cursor = handlesOf(inserted.shape)[inserted.index] as Point;
  editor.emit("selection");
  editor.emit("draft");
  editor.announce(`Vertex ${inserted.index + 1} added at ${point(editor.cursor)}`);
  return true;
}

/** Delete with a vertex picked: that vertex goes (a triangle keeps its three). */
export function deleteHandle(editor: Editor): boolean {
  const picked = pickedHandle(editor);
  if (!picked) return false;
  const next = removeHandle(picked.shape, picked.index);
  if (!next) {
    editor.announce(
      `${handleNoun(picked.shape)} ${picked.index + 1} cannot be deleted: a ${kindName(picked.shape).toLowerCase()} needs every one it has`,
    );
    return true;
  }
  editor.history.commit();
  editor.editShapes([next]);
  const n = handlesOf(next).length;
  editor.handle = { shapeId: next.id, index: picked.index % n };
  editor.emit("selection");
  editor.announce(`Vertex ${picked.index + 1} deleted; ${n} left`);
  return true;
}

/** Escape with a vertex picked lets go of the vertex only (the shape stays selected). */
export function releaseHandle(editor: Editor): boolean {
  if (!editor.handle) return false;
  const shape = editor.store.get(editor.handle.shapeId);
  editor.handle = null;
  editor.emit("selection");
  editor.announce(`${shape ? handleNoun(shape) : "Vertex"} released; the whole shape is selected`);
  return true;
}
