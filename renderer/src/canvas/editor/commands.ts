import type { AnnotationDocument, Shape } from "../../../../shared/annotation";
import { MIN_BOX_SIZE, resizeBoxBy } from "../geometry/box-geometry";
import type { Size } from "../geometry/rect";
import { normalizeAngle } from "../../../../shared/annotation";
import { shapeBounds, translateShape } from "../geometry/shape-geometry";
import { toScreen } from "../geometry/viewport";
import { clipboardShapes, copyToClipboard } from "./clipboard";
import type { Editor } from "./editor";
import { acceptAllGuesses, rejectAllGuesses } from "./guesses";
import { attributesForLabel } from "./attribute-edit";

import { cloneShapes } from "./shape-transfer";
import type { ToolId } from "../../tools/tool";
import { availableTools } from "./label-schema";
import { kindName } from "./editor";
import {
  cursorToViewCentre,
  deleteHandle,
  insertAtCursor,
  insertHandle,
  moveCursor,
  moveHandleBy,
  panView,
  placeAtCursor,
  releaseHandle,
  stepHandle,
} from "./keyboard-drawing";

/** What the host provides for actions that leave the canvas. */
export interface CommandHost {
  next(): void;
  previous(): void;
  submit(): void;
  toggleHelp(): void;
  /** The campaign's instructions panel; hosts without instructions leave it out. */
  toggleInstructions?(): void;
  save(): void;
  toggleFocus(): void;
  /** Moves focus to the attributes of the one selected shape; false when there is nothing to edit. */
  focusAttributes?(): boolean;
  previousDocument(): AnnotationDocument | null | undefined;
}

const ZOOM_STEP = 1.25;
const ADJUST_STEP = 0.1;

function selectedShapes(editor: Editor, editable: boolean): Shape[] {
  const out: Shape[] = [];
  for (const id of editor.selection()) {
    const shape = editor.store.get(id);
    if (shape && (!editable || (!shape.locked && !shape.hidden))) out.push(shape);
  }
  return out;
}

/** What the live region says when a tool is picked. */
const TOOL_NAMES: Readonly<Record<Exclude<ToolId, "select">, string>> = {
  box: "Box tool",
  polygon: "Polygon tool",
  polyline: "Polyline tool",
  points: "Points tool",
  keypoints: "Skeleton tool",
  mask: "Mask brush: Space puts it down and lifts it, arrows paint",
  "rotated-box": "Rotated box tool",
  ellipse: "Ellipse tool",
  wand: "Magic wand",
  scissors: "Intelligent scissors",
};

function where(editor: Editor, shapes: readonly Shape[]): string {
  const first = shapes.length === 1 && shapes[0] ? editor.store.get(shapes[0].id) : undefined;
  if (!first) return `${shapes.length} shapes`;
  const b = shapeBounds(first);
  return `${kindName(first)} at ${Math.round(b.x)}, ${Math.round(b.y)}`;
}

function nudge(editor: Editor, dx: number, dy: number): boolean {
  // while drawing, and always with the brush (it goes where the cursor goes), arrows move the
  // keyboard cursor (the next action in the arrows' chain)
  if (editor.tool.busy() || editor.tool.id === "mask") return false;
  const shapes = selectedShapes(editor, true);
  if (shapes.length === 0) return false;
  editor.history.commit();
  editor.editShapes(shapes.map((s) => translateShape(s, dx, dy, editor.image)));
  editor.announce(`Moved: ${where(editor, shapes)}`);
  return true;
}

/** Alt+arrows: boxes and rotated boxes grow or shrink along their sides, ellipses along their radii. */
function resized(shape: Shape, dw: number, dh: number, image: Size): Shape | null {
  if (shape.kind === "box") return { ...shape, ...resizeBoxBy(shape, dw, dh, image) };
  if (shape.kind === "rotated-box")
    return { ...shape, w: Math.max(MIN_BOX_SIZE, shape.w + dw), h: Math.max(MIN_BOX_SIZE, shape.h + dh) };
  if (shape.kind === "ellipse")
    return { ...shape, rx: Math.max(MIN_BOX_SIZE / 2, shape.rx + dw), ry: Math.max(MIN_BOX_SIZE / 2, shape.ry + dh) };
  return null;
}

function resize(editor: Editor, dw: number, dh: number): boolean {
  const next = selectedShapes(editor, true)
    .map((s) => resized(s, dw, dh, editor.image))
    .filter((s): s is Shape => s !== null);
  if (next.length === 0) return false;
  editor.editShapes(next);
  const first = next.length === 1 && next[0] ? editor.store.get(next[0].id) : undefined;
  const size = first ? shapeBounds(first) : null;
  editor.announce(
    first && size
      ? `${kindName(first)} resized to ${Math.round(size.w)} by ${Math.round(size.h)}`
      : `${next.length} shapes resized`,
  );
  return true;
}

/** R / Shift+R (Alt for 15°): turns rotated boxes and ellipses about their centres. */
function rotate(editor: Editor, degrees: number): boolean {
  const next: Shape[] = [];
  for (const s of selectedShapes(editor, true))
    if (s.kind === "rotated-box" || s.kind === "ellipse") next.push({ ...s, angle: normalizeAngle(s.angle + degrees) });
  if (next.length === 0) return false;
  editor.history.commit();
  editor.editShapes(next);
  const first = next[0];
  editor.announce(
    next.length === 1 && first && first.kind !== "box" && "angle" in first
      ? `${kindName(first)} turned to ${Math.round(first.angle)} degrees`
      : `${next.length} shapes turned`,
  );
  return true;
}

function visibleOrder(editor: Editor): Shape[] {
  return editor.store.shapes().filter((s) => !s.hidden);
}

function cycle(editor: Editor, step: 1 | -1): boolean {
  const shapes = visibleOrder(editor);
  if (shapes.length === 0) return false;
  const current = [...editor.selection()].pop();
  const at = current ? shapes.findIndex((s) => s.id === current) : -1;
  const index = at < 0 ? (step === 1 ? 0 : shapes.length - 1) : (at + step + shapes.length) % shapes.length;
  const next = shapes[index] as Shape;
  editor.setSelection([next.id]);
  editor.reveal(next);
  editor.announce(
    `Selected ${index + 1} of ${shapes.length}: ${kindName(next).toLowerCase()} ${editor.labelById(next.label)?.name ?? next.label}`,
  );
  return true;
}

function toggleFlag(editor: Editor, flag: "hidden" | "locked"): boolean {
  const shapes = selectedShapes(editor, false);
  if (shapes.length === 0) return false;
  const value = !shapes.every((s) => s[flag] === true);
  editor.history.commit();
  editor.store.update(shapes.map((s) => ({ ...s, [flag]: value })));
  const what = shapes.length === 1 ? "Shape" : `${shapes.length} shapes`;
  editor.announce(`${what} ${flag === "hidden" ? (value ? "hidden" : "shown") : value ? "locked" : "unlocked"}`);
  return true;
}

function editAttributes(editor: Editor, host: CommandHost): boolean {
  const shapes = selectedShapes(editor, false);
  const only = shapes.length === 1 ? shapes[0] : undefined;
  if (!only) {
    editor.announce(
      shapes.length === 0 ? "Select a shape to set its attributes" : "Select one shape to set its attributes",
    );
    return true;
  }
  const label = editor.labelById(only.label);
  if (!label?.attributes?.length) {
    editor.announce(`${label?.name ?? "This label"} has no attributes`);
    return true;
  }
  if (!host.focusAttributes?.()) editor.announce("Attributes cannot be edited here");
  return true;
}

export function pickLabel(editor: Editor, index: number): boolean {
  const label = editor.schema.labels[index];
  if (!label) return false;
  editor.setActiveLabel(label.id);
  const relabel = selectedShapes(editor, true).filter((s) => s.label !== label.id);
  if (relabel.length > 0) {
    editor.history.commit();
    editor.editShapes(
      relabel.map((s) => {
        // A new label has its own attributes: keep the values that still fit, start the rest at their defaults.
        const { attributes: _old, ...rest } = s;
        const attributes = attributesForLabel(s, label);
        return { ...rest, label: label.id, ...(attributes ? { attributes } : {}) } as Shape;
      }),
    );
    editor.announce(
      relabel.length === 1 ? `Relabelled ${label.name}` : `${relabel.length} shapes relabelled ${label.name}`,
    );
  } else editor.announce(`Label ${label.name}`);
  return true;
}

export function toggleClass(editor: Editor, index: number): boolean {
  const cls = editor.schema.classes[index];
  if (!cls || editor.schema.classification === "none") return false;
  const current = editor.store.classes;
  const on = current.includes(cls.id);
  const next =
    editor.schema.classification === "single"
      ? on
        ? []
        : [cls.id]
      : on
        ? current.filter((c) => c !== cls.id)
        : [...current, cls.id];
  editor.history.commit();
  editor.store.setClasses(next);
  editor.announce(`${cls.name} ${next.includes(cls.id) ? "on" : "off"}`);
  return true;
}

/** After J or Shift+J mid-skeleton: what happened to that joint and which one comes next. */
function announceNextJoint(editor: Editor, what: string): void {
  const next = editor.keypointsTool.nextJoint();
  editor.announce(`${what}${next ? `; next: ${next}` : ""}`);
}

function paste(editor: Editor, shapes: readonly Shape[]): boolean {
  if (shapes.length === 0) return false;
  const existing = (s: Shape) => editor.shapesIn(shapeBounds(s));
  editor.addShapes(cloneShapes(shapes, editor.image, existing, () => editor.newShapeId()));
  return true;
}

function deleteSelection(editor: Editor): boolean {
  if (editor.tool.removeLast()) {
    editor.emit("draft");
    return true;
  }
  const shapes = selectedShapes(editor, false).filter((s) => !s.locked);
  if (shapes.length === 0) return false;
  editor.history.commit();
  editor.store.remove(shapes.map((s) => s.id));
  const first = shapes[0] as Shape;
  editor.announce(
    shapes.length === 1
      ? `Deleted ${kindName(first).toLowerCase()} ${editor.labelById(first.label)?.name ?? first.label}`
      : `Deleted ${shapes.length} shapes`,
  );
  return true;
}

/** Runs one action by id; false when it did not apply (so the key can do its default). */
export function runAction(editor: Editor, action: string, host: CommandHost): boolean {
  const digit = /^(label|class)\.([1-9])$/.exec(action);
  if (digit) {
    const index = Number(digit[2]) - 1;
    // A classification-only campaign has no shape labels: plain digits classify.
    if (digit[1] === "class" || editor.schema.tools.length === 0) return toggleClass(editor, index);
    return pickLabel(editor, index);
  }
  switch (action) {
    case "tool.select":
      editor.setTool("select");
      editor.announce("Select tool");
      return true;
    case "tool.box":
    case "tool.polygon":
    case "tool.polyline":
    case "tool.points":
    case "tool.keypoints":
    case "tool.mask":
    case "tool.rotated-box":
    case "tool.ellipse":
    case "tool.wand":
    case "tool.scissors": {
      const id = action.slice("tool.".length) as Exclude<ToolId, "select">;
      if (!availableTools(editor.schema, editor.assist !== null).includes(id)) return false;
      editor.setTool(id);
      editor.announce(TOOL_NAMES[id]);
      return true;
    }
    case "brush.erase":
      editor.maskTool.erase = !editor.maskTool.erase;
      if (editor.tool.id !== "mask" && availableTools(editor.schema, editor.assist !== null).includes("mask"))
        editor.setTool("mask");
      editor.emit("ui");
      editor.emit("draft");
      editor.announce(editor.maskTool.erase ? "Eraser: strokes take pixels off the selected mask" : "Brush paints");
      return true;
    case "brush.smaller":
    case "brush.larger": {
      const up = action === "brush.larger";
      if (editor.tool.id === "wand") editor.wandTool.setTolerance(editor.wandTool.tolerance + (up ? 4 : -4));
      else editor.maskTool.setRadius(editor.maskTool.radius * (up ? 1.25 : 0.8) + (up ? 1 : -1));
      editor.emit("ui");
      editor.emit("draft");
      editor.announce(
        editor.tool.id === "wand"
          ? `Wand tolerance ${editor.wandTool.tolerance}`
          : `${editor.maskTool.erase ? "Eraser" : "Brush"} ${editor.maskTool.radius} px`,
      );
      return true;
    }
    case "wand.polygon":
      editor.wandTool.polygon = !editor.wandTool.polygon;
      editor.emit("ui");
      return true;
    case "mask.fillHoles":
      return editor.maskTool.fillHoles();
    case "joint.skip": {
      if (editor.tool.id !== "keypoints") return false;
      const joint = editor.keypointsTool.nextJoint();
      const before = editor.store.count;
      if (!editor.keypointsTool.skip()) return false;
      editor.emit("draft");
      // the last joint adds the skeleton, which addShapes announces
      if (editor.store.count === before) announceNextJoint(editor, `${joint ?? "Joint"} absent`);
      return true;
    }
    case "joint.occluded": {
      if (editor.tool.id !== "keypoints") return false;
      // at the keyboard cursor when keys drew last, else under the mouse
      const at = editor.cursorShown
        ? editor.cursor
        : (editor.pointer ?? { x: editor.image.width / 2, y: editor.image.height / 2 });
      const joint = editor.keypointsTool.nextJoint();
      const before = editor.store.count;
      if (!editor.keypointsTool.placeOccluded(at)) return false;
      editor.emit("draft");
      if (editor.store.count === before)
        announceNextJoint(editor, `${joint ?? "Joint"} occluded at ${Math.round(at.x)}, ${Math.round(at.y)}`);
      return true;
    }
    case "edit.undo":
      if (editor.tool.cancel()) {
        editor.emit("draft");
        editor.announce("Drawing cancelled");
      } else editor.announce(editor.history.undo() ? "Undone" : "Nothing to undo");
      return true;
    case "edit.redo":
      editor.tool.cancel();
      editor.announce(editor.history.redo() ? "Redone" : "Nothing to redo");
      return true;
    case "edit.delete":
      return deleteSelection(editor);
    case "edit.copy": {
      const shapes = selectedShapes(editor, false);
      if (shapes.length > 0) copyToClipboard(shapes);
      return shapes.length > 0;
    }
    case "edit.paste":
      return paste(editor, clipboardShapes());
    case "edit.duplicate":
      return paste(editor, selectedShapes(editor, false));
    case "edit.copyPrevious":
      return paste(editor, host.previousDocument()?.shapes ?? []);
    case "edit.insert":
      return insertAtCursor(editor);
    case "edit.place":
      return placeAtCursor(editor);
    case "edit.cancel":
      if (editor.tool.cancel()) {
        editor.emit("draft");
        editor.announce("Drawing cancelled");
        return true;
      }
      if (releaseHandle(editor)) return true;
      if (editor.selection().size > 0) {
        editor.setSelection([]);
        editor.announce("Selection cleared");
        return true;
      }
      if (editor.cursorShown) {
        editor.cursorShown = false;
        editor.emit("draft");
        return true;
      }
      return false; // nothing to let go of: Escape is the page's again
    case "edit.finish":
      return editor.tool.finish();
    case "vertex.next":
      return stepHandle(editor, 1);
    case "vertex.previous":
      return stepHandle(editor, -1);
    case "vertex.insert":
      return insertHandle(editor);
    case "vertex.delete":
      return deleteHandle(editor);
    case "cursor.centre":
      return cursorToViewCentre(editor);
    case "view.panUp":
      return panView(editor, 0, -1);
    case "view.panDown":
      return panView(editor, 0, 1);
    case "view.panLeft":
      return panView(editor, -1, 0);
    case "view.panRight":
      return panView(editor, 1, 0);
    case "select.all":
      editor.setSelection(visibleOrder(editor).map((s) => s.id));
      editor.announce(`${editor.selection().size} shapes selected`);
      return true;
    case "select.next":
      return cycle(editor, 1);
    case "select.previous":
      return cycle(editor, -1);
    case "guesses.acceptAll":
      return acceptAllGuesses(editor) > 0;
    case "guesses.rejectAll":
      return rejectAllGuesses(editor) > 0;
    case "shape.hide":
      return toggleFlag(editor, "hidden");
    case "shape.lock":
      return toggleFlag(editor, "locked");
    case "view.zoomIn":
    case "view.zoomOut":
      editor.zoomBy(
        action === "view.zoomIn" ? ZOOM_STEP : 1 / ZOOM_STEP,
        editor.cursorShown ? toScreen(editor.viewport, editor.cursor) : undefined,
      );
      editor.announce(`Zoom ${Math.round(editor.viewport.scale * 100)} %`);
      return true;
    case "view.fit":
      editor.fit();
      editor.announce(`Whole image, zoom ${Math.round(editor.viewport.scale * 100)} %`);
      return true;
    case "view.crosshair":
      editor.setCrosshair(!editor.crosshair);
      return true;
    case "view.brighter":
    case "view.darker":
    case "view.moreContrast":
    case "view.lessContrast": {
      const sign = action === "view.brighter" || action === "view.moreContrast" ? 1 : -1;
      const isBrightness = action === "view.brighter" || action === "view.darker";
      editor.setImageAdjust(
        editor.brightness + (isBrightness ? sign * ADJUST_STEP : 0),
        editor.contrast + (isBrightness ? 0 : sign * ADJUST_STEP),
      );
      return true;
    }
    case "view.resetImage":
      editor.setImageAdjust(1, 1);
      return true;
    case "view.help":
      host.toggleHelp();
      return true;
    case "view.instructions":
      if (!host.toggleInstructions) return false;
      host.toggleInstructions();
      return true;
    case "task.next":
      host.next();
      return true;
    case "task.previous":
      host.previous();
      return true;
    case "task.save":
      host.save();
      return true;
    case "view.focusList":
      host.toggleFocus();
      return true;
    case "shape.attributes":
      return editAttributes(editor, host);
    case "task.submit":
      host.submit();
      return true;
  }
  const turn = /^rotate\.(cw|ccw)(15)?$/.exec(action);
  if (turn) return rotate(editor, (turn[1] === "cw" ? 1 : -1) * (turn[2] ? 15 : 1));
  const arrow = /^(vertex|cursor)\.(left|right|up|down)(10)?$/.exec(action);
  if (arrow) {
    const dx = arrow[2] === "left" ? -1 : arrow[2] === "right" ? 1 : 0;
    const dy = arrow[2] === "up" ? -1 : arrow[2] === "down" ? 1 : 0;
    return arrow[1] === "vertex"
      ? moveHandleBy(editor, dx, dy, arrow[3] !== undefined)
      : moveCursor(editor, dx, dy, arrow[3] !== undefined);
  }
  const move = /^(nudge|resize)\.(left|right|up|down|narrower|wider|shorter|taller)(10)?$/.exec(action);
  if (move) {
    const step = move[3] ? 10 : 1;
    const dir = move[2];
    const dx = dir === "left" || dir === "narrower" ? -step : dir === "right" || dir === "wider" ? step : 0;
    const dy = dir === "up" || dir === "shorter" ? -step : dir === "down" || dir === "taller" ? step : 0;
    return move[1] === "nudge" ? nudge(editor, dx, dy) : resize(editor, dx, dy);
  }
  return false;
}
