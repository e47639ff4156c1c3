import type { AnnotationDocument, Shape } from "../../../../shared/annotation";
import { MIN_BOX_SIZE, resizeBoxBy } from "../geometry/box-geometry";
import type { Size } from "../geometry/rect";
import { normalizeAngle } from "../../../../shared/annotation";
import { shapeBounds, translateShape } from "../geometry/shape-geometry";
import { clipboardShapes, copyToClipboard } from "./clipboard";
import type { Editor } from "./editor";
import { acceptAllGuesses, rejectAllGuesses } from "./guesses";

import { cloneShapes } from "./shape-transfer";
import type { ToolId } from "../../tools/tool";
import { availableTools } from "./label-schema";

/** What the host provides for actions that leave the canvas. */
export interface CommandHost {
  next(): void;
  previous(): void;
  submit(): void;
  toggleHelp(): void;
  save(): void;
  toggleFocus(): void;
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

function nudge(editor: Editor, dx: number, dy: number): boolean {
  const shapes = selectedShapes(editor, true);
  if (shapes.length === 0) return false;
  editor.history.commit();
  editor.editShapes(shapes.map((s) => translateShape(s, dx, dy, editor.image)));
  return true;
}

/** Alt+arrows: boxes and rotated boxes grow or shrink along their sides, ellipses along their radii. */
function resized(shape: Shape, dw: number, dh: number, image: Size): Shape | null {
  if (shape.kind === "box") return { ...shape, ...resizeBoxBy(shape, dw, dh, image) };
  if (shape.kind === "rotated-box") return { ...shape, w: Math.max(MIN_BOX_SIZE, shape.w + dw), h: Math.max(MIN_BOX_SIZE, shape.h + dh) };
  if (shape.kind === "ellipse") return { ...shape, rx: Math.max(MIN_BOX_SIZE / 2, shape.rx + dw), ry: Math.max(MIN_BOX_SIZE / 2, shape.ry + dh) };
  return null;
}

function resize(editor: Editor, dw: number, dh: number): boolean {
  const next = selectedShapes(editor, true)
    .map((s) => resized(s, dw, dh, editor.image))
    .filter((s): s is Shape => s !== null);
  if (next.length === 0) return false;
  editor.editShapes(next);
  return true;
}

/** R / Shift+R (Alt for 15°): turns rotated boxes and ellipses about their centres. */
function rotate(editor: Editor, degrees: number): boolean {
  const next: Shape[] = [];
  for (const s of selectedShapes(editor, true)) if (s.kind === "rotated-box" || s.kind === "ellipse") next.push({ ...s, angle: normalizeAngle(s.angle + degrees) });
  if (next.length === 0) return false;
  editor.history.commit();
  editor.editShapes(next);
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
  const next = shapes[at < 0 ? (step === 1 ? 0 : shapes.length - 1) : (at + step + shapes.length) % shapes.length] as Shape;
  editor.setSelection([next.id]);
  editor.reveal(next);
  return true;
}

function toggleFlag(editor: Editor, flag: "hidden" | "locked"): boolean {
  const shapes = selectedShapes(editor, false);
  if (shapes.length === 0) return false;
  const value = !shapes.every((s) => s[flag] === true);
  editor.history.commit();
  editor.store.update(shapes.map((s) => ({ ...s, [flag]: value })));
  return true;
}

export function pickLabel(editor: Editor, index: number): boolean {
  const label = editor.schema.labels[index];
  if (!label) return false;
  editor.setActiveLabel(label.id);
  const relabel = selectedShapes(editor, true).filter((s) => s.label !== label.id);
  if (relabel.length > 0) {
    editor.history.commit();
    editor.editShapes(relabel.map((s) => ({ ...s, label: label.id })));
  }
  return true;
}

export function toggleClass(editor: Editor, index: number): boolean {
  const cls = editor.schema.classes[index];
  if (!cls || editor.schema.classification === "none") return false;
  const current = editor.store.classes;
  const on = current.includes(cls.id);
  const next = editor.schema.classification === "single" ? (on ? [] : [cls.id]) : on ? current.filter((c) => c !== cls.id) : [...current, cls.id];
  editor.history.commit();
  editor.store.setClasses(next);
  return true;
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
  const ids = selectedShapes(editor, false).filter((s) => !s.locked).map((s) => s.id);
  if (ids.length === 0) return false;
  editor.history.commit();
  editor.store.remove(ids);
  return true;
}

/**
 * Keyboard-only drawing: a new shape of the active tool's kind at the centre of the view,
 * selected, so arrows move it and Alt+arrows size it (polygons: a triangle to move).
 */
function insertShape(editor: Editor): boolean {
  const kind = editor.tool.id === "polygon" ? "polygon" : editor.schema.tools.includes("box") ? "box" : null;
  if (!kind) return false;
  const vp = editor.viewport;
  const cx = Math.min(editor.image.width, Math.max(0, (editor.viewSize.width / 2 - vp.x) / vp.scale));
  const cy = Math.min(editor.image.height, Math.max(0, (editor.viewSize.height / 2 - vp.y) / vp.scale));
  const size = Math.max(MIN_BOX_SIZE, Math.min(editor.image.width, editor.image.height, 80 / vp.scale));
  const x = Math.min(editor.image.width - size, Math.max(0, cx - size / 2));
  const y = Math.min(editor.image.height - size, Math.max(0, cy - size / 2));
  const base = { id: editor.newShapeId(), label: editor.activeLabel().id, source: { kind: "human" as const } };
  const shape: Shape =
    kind === "box" ? { ...base, kind, x, y, w: size, h: size } : { ...base, kind, points: [x + size / 2, y, x + size, y + size, x, y + size] };
  editor.addShapes([shape]);
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
      return true;
    }
    case "brush.erase":
      editor.maskTool.erase = !editor.maskTool.erase;
      if (editor.tool.id !== "mask" && availableTools(editor.schema, editor.assist !== null).includes("mask")) editor.setTool("mask");
      editor.emit("ui");
      editor.emit("draft");
      return true;
    case "brush.smaller":
    case "brush.larger": {
      const up = action === "brush.larger";
      if (editor.tool.id === "wand") editor.wandTool.setTolerance(editor.wandTool.tolerance + (up ? 4 : -4));
      else editor.maskTool.setRadius(editor.maskTool.radius * (up ? 1.25 : 0.8) + (up ? 1 : -1));
      editor.emit("ui");
      editor.emit("draft");
      return true;
    }
    case "wand.polygon":
      editor.wandTool.polygon = !editor.wandTool.polygon;
      editor.emit("ui");
      return true;
    case "mask.fillHoles":
      return editor.maskTool.fillHoles();
    case "joint.skip":
      if (editor.tool.id !== "keypoints") return false;
      if (!editor.keypointsTool.skip()) return false;
      editor.emit("draft");
      return true;
    case "joint.occluded": {
      if (editor.tool.id !== "keypoints") return false;
      const at = editor.pointer ?? { x: editor.image.width / 2, y: editor.image.height / 2 };
      if (!editor.keypointsTool.placeOccluded(at)) return false;
      editor.emit("draft");
      return true;
    }
    case "edit.undo":
      if (editor.tool.cancel()) editor.emit("draft");
      else editor.history.undo();
      return true;
    case "edit.redo":
      editor.tool.cancel();
      editor.history.redo();
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
      return insertShape(editor);
    case "edit.cancel":
      if (editor.tool.cancel()) {
        editor.emit("draft");
        return true;
      }
      editor.setSelection([]);
      return true;
    case "edit.finish":
      return editor.tool.finish();
    case "select.all":
      editor.setSelection(visibleOrder(editor).map((s) => s.id));
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
      editor.zoomBy(ZOOM_STEP);
      return true;
    case "view.zoomOut":
      editor.zoomBy(1 / ZOOM_STEP);
      return true;
    case "view.fit":
      editor.fit();
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
      editor.setImageAdjust(editor.brightness + (isBrightness ? sign * ADJUST_STEP : 0), editor.contrast + (isBrightness ? 0 : sign * ADJUST_STEP));
      return true;
    }
    case "view.resetImage":
      editor.setImageAdjust(1, 1);
      return true;
    case "view.help":
      host.toggleHelp();
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
    case "task.submit":
      host.submit();
      return true;
  }
  const turn = /^rotate\.(cw|ccw)(15)?$/.exec(action);
  if (turn) return rotate(editor, (turn[1] === "cw" ? 1 : -1) * (turn[2] ? 15 : 1));
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

