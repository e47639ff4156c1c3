/**
 * Every editor action a key can trigger, with its default binding and its description in the
 * shortcut overlay. Ids are stable: settings.hotkeys stores overrides by id.
 *
 * Scopes let one key mean one thing per situation, tried in this order: "vertex" (a vertex of
 * the selected shape is picked), "selection" (shapes are selected), "cursor" (otherwise, or
 * while drawing). The arrows move the picked vertex, else the selected shapes, else the
 * keyboard cursor. A "global" action owns its keys everywhere. Two actions conflict when they
 * share a key and a scope, or when either is global.
 */
export type ActionScope = "global" | "vertex" | "selection" | "cursor";

export interface ActionInfo {
  readonly id: string;
  readonly title: string;
  readonly group: "Tools" | "Edit" | "Shapes" | "Vertices" | "Cursor" | "Labels" | "View" | "Task";
  readonly binding: string;
  readonly scope?: ActionScope;
}

const ARROWS = [
  ["left", "arrowleft"],
  ["right", "arrowright"],
  ["up", "arrowup"],
  ["down", "arrowdown"],
] as const;

/** Arrows (fine) and Shift+arrows (coarse) for one scope: vertex.left, cursor.up10, … */
function arrowActions(prefix: "vertex" | "cursor", what: string, group: ActionInfo["group"]): ActionInfo[] {
  return ARROWS.flatMap(([dir, key]) => [
    { id: `${prefix}.${dir}`, title: `${what} ${dir}, a fine step`, group, binding: key, scope: prefix },
    { id: `${prefix}.${dir}10`, title: `${what} ${dir}, a coarse step`, group, binding: `shift+${key}`, scope: prefix },
  ]);
}

const labelActions: ActionInfo[] = Array.from({ length: 9 }, (_, i) => ({
  id: `label.${i + 1}`,
  title: `Pick label ${i + 1} (relabels the selection)`,
  group: "Labels" as const,
  binding: `${i + 1}`,
}));

const classActions: ActionInfo[] = Array.from({ length: 9 }, (_, i) => ({
  id: `class.${i + 1}`,
  title: `Toggle image class ${i + 1}`,
  group: "Labels" as const,
  binding: `shift+${i + 1}`,
}));

export const ACTIONS: readonly ActionInfo[] = [
  { id: "tool.select", title: "Select tool", group: "Tools", binding: "v" },
  { id: "tool.box", title: "Box tool", group: "Tools", binding: "b" },
  { id: "tool.polygon", title: "Polygon tool", group: "Tools", binding: "p" },
  { id: "tool.polyline", title: "Polyline tool (open path; Enter finishes)", group: "Tools", binding: "shift+p" },
  { id: "tool.points", title: "Points tool (Enter finishes the set)", group: "Tools", binding: "t" },
  { id: "tool.keypoints", title: "Skeleton tool: joints in the template's order", group: "Tools", binding: "k" },
  { id: "tool.mask", title: "Mask brush", group: "Tools", binding: "m" },
  { id: "tool.rotated-box", title: "Rotated box tool", group: "Tools", binding: "shift+b" },
  { id: "tool.ellipse", title: "Ellipse tool", group: "Tools", binding: "o" },
  {
    id: "tool.wand",
    title: "Magic wand: region of similar colour, as a mask or polygon",
    group: "Tools",
    binding: "w",
  },
  {
    id: "tool.scissors",
    title: "Intelligent scissors: outline that follows edges between clicks",
    group: "Tools",
    binding: "x",
  },
  { id: "brush.erase", title: "Mask brush: paint or erase", group: "Tools", binding: "shift+m" },
  { id: "brush.smaller", title: "Smaller brush (with the wand: lower tolerance)", group: "Tools", binding: "<" },
  { id: "brush.larger", title: "Larger brush (with the wand: higher tolerance)", group: "Tools", binding: ">" },
  { id: "mask.fillHoles", title: "Fill the holes of the selected mask", group: "Shapes", binding: "f" },
  {
    id: "wand.polygon",
    title: "Magic wand makes polygons instead of masks (or back)",
    group: "Tools",
    binding: "shift+w",
  },
  { id: "joint.skip", title: "Skeleton: the next joint is absent (not in the image)", group: "Edit", binding: "j" },
  {
    id: "joint.occluded",
    title: "Skeleton: place the next joint at the pointer as occluded",
    group: "Edit",
    binding: "shift+j",
  },
  { id: "rotate.cw", title: "Turn rotated boxes and ellipses 1° clockwise", group: "Shapes", binding: "r" },
  { id: "rotate.ccw", title: "Turn them 1° anticlockwise", group: "Shapes", binding: "shift+r" },
  { id: "rotate.cw15", title: "Turn them 15° clockwise", group: "Shapes", binding: "alt+r" },
  { id: "rotate.ccw15", title: "Turn them 15° anticlockwise", group: "Shapes", binding: "alt+shift+r" },
  { id: "edit.undo", title: "Undo", group: "Edit", binding: "ctrl+z" },
  { id: "edit.redo", title: "Redo", group: "Edit", binding: "ctrl+shift+z|ctrl+y" },
  {
    id: "edit.place",
    title: "Place a point at the cursor: a box corner, a polygon vertex; with Select, pick the shape there",
    group: "Edit",
    binding: "space",
  },
  {
    id: "edit.insert",
    title: "New box at the cursor (with Polygon: start a polygon there)",
    group: "Edit",
    binding: "n",
  },
  { id: "edit.finish", title: "Close the polygon being drawn", group: "Edit", binding: "enter" },
  {
    id: "edit.cancel",
    title: "Cancel drawing; let go of a vertex; clear the selection",
    group: "Edit",
    binding: "escape",
  },
  {
    id: "vertex.delete",
    title: "Delete the picked vertex",
    group: "Vertices",
    binding: "delete|backspace",
    scope: "vertex",
  },
  {
    id: "edit.delete",
    title: "Delete selected shapes (while drawing: take back the last point)",
    group: "Edit",
    binding: "delete|backspace",
    scope: "selection",
  },
  { id: "edit.copy", title: "Copy selected shapes", group: "Edit", binding: "ctrl+c" },
  { id: "edit.paste", title: "Paste shapes", group: "Edit", binding: "ctrl+v" },
  { id: "edit.duplicate", title: "Duplicate selected shapes", group: "Edit", binding: "ctrl+d" },
  { id: "edit.copyPrevious", title: "Copy all shapes from the previous task", group: "Edit", binding: "ctrl+shift+v" },
  { id: "select.all", title: "Select all shapes", group: "Shapes", binding: "ctrl+a" },
  { id: "select.next", title: "Select the next shape", group: "Shapes", binding: "." },
  { id: "select.previous", title: "Select the previous shape", group: "Shapes", binding: "," },
  { id: "shape.hide", title: "Hide or show the selected shapes", group: "Shapes", binding: "h" },
  { id: "shape.lock", title: "Lock or unlock the selected shapes", group: "Shapes", binding: "l" },
  {
    id: "shape.attributes",
    title: "Set the selected shape's attributes (Escape returns to the canvas)",
    group: "Shapes",
    binding: "shift+a",
  },
  { id: "guesses.acceptAll", title: "Accept all model guesses as they are", group: "Shapes", binding: "g" },
  {
    id: "guesses.rejectAll",
    title: "Reject all model guesses nobody edited or accepted",
    group: "Shapes",
    binding: "shift+g",
  },
  { id: "vertex.next", title: "Pick the next vertex (corner) of the selected shape", group: "Vertices", binding: "e" },
  { id: "vertex.previous", title: "Pick the previous vertex (corner)", group: "Vertices", binding: "shift+e" },
  {
    id: "vertex.insert",
    title: "Add a vertex after the picked one, halfway along the edge",
    group: "Vertices",
    binding: "shift+n",
  },
  ...arrowActions("vertex", "Move the picked vertex", "Vertices"),
  {
    id: "nudge.left",
    title: "Move selected shapes left 1 px",
    group: "Shapes",
    binding: "arrowleft",
    scope: "selection",
  },
  {
    id: "nudge.right",
    title: "Move selected shapes right 1 px",
    group: "Shapes",
    binding: "arrowright",
    scope: "selection",
  },
  { id: "nudge.up", title: "Move selected shapes up 1 px", group: "Shapes", binding: "arrowup", scope: "selection" },
  {
    id: "nudge.down",
    title: "Move selected shapes down 1 px",
    group: "Shapes",
    binding: "arrowdown",
    scope: "selection",
  },
  {
    id: "nudge.left10",
    title: "Move selected shapes left 10 px",
    group: "Shapes",
    binding: "shift+arrowleft",
    scope: "selection",
  },
  {
    id: "nudge.right10",
    title: "Move selected shapes right 10 px",
    group: "Shapes",
    binding: "shift+arrowright",
    scope: "selection",
  },
  {
    id: "nudge.up10",
    title: "Move selected shapes up 10 px",
    group: "Shapes",
    binding: "shift+arrowup",
    scope: "selection",
  },
  {
    id: "nudge.down10",
    title: "Move selected shapes down 10 px",
    group: "Shapes",
    binding: "shift+arrowdown",
    scope: "selection",
  },
  {
    id: "resize.narrower",
    title: "Box, rotated box or ellipse 1 px narrower",
    group: "Shapes",
    binding: "alt+arrowleft",
  },
  { id: "resize.wider", title: "Box 1 px wider", group: "Shapes", binding: "alt+arrowright" },
  { id: "resize.shorter", title: "Box 1 px shorter", group: "Shapes", binding: "alt+arrowup" },
  { id: "resize.taller", title: "Box 1 px taller", group: "Shapes", binding: "alt+arrowdown" },
  { id: "resize.narrower10", title: "Box 10 px narrower", group: "Shapes", binding: "alt+shift+arrowleft" },
  { id: "resize.wider10", title: "Box 10 px wider", group: "Shapes", binding: "alt+shift+arrowright" },
  { id: "resize.shorter10", title: "Box 10 px shorter", group: "Shapes", binding: "alt+shift+arrowup" },
  { id: "resize.taller10", title: "Box 10 px taller", group: "Shapes", binding: "alt+shift+arrowdown" },
  ...arrowActions("cursor", "Move the keyboard cursor", "Cursor"),
  {
    id: "cursor.centre",
    title: "Keyboard cursor to the centre of the view",
    group: "Cursor",
    binding: "home",
    scope: "cursor",
  },
  { id: "view.panUp", title: "Pan the view up", group: "Cursor", binding: "pageup", scope: "cursor" },
  { id: "view.panDown", title: "Pan the view down", group: "Cursor", binding: "pagedown", scope: "cursor" },
  { id: "view.panLeft", title: "Pan the view left", group: "Cursor", binding: "shift+pageup", scope: "cursor" },
  { id: "view.panRight", title: "Pan the view right", group: "Cursor", binding: "shift+pagedown", scope: "cursor" },
  ...labelActions,
  ...classActions,
  { id: "view.zoomIn", title: "Zoom in (at the keyboard cursor when it shows)", group: "View", binding: "=|+" },
  { id: "view.zoomOut", title: "Zoom out", group: "View", binding: "-" },
  { id: "view.fit", title: "Fit the image", group: "View", binding: "0" },
  { id: "view.crosshair", title: "Crosshair guides on or off", group: "View", binding: "c" },
  { id: "view.brighter", title: "Brightness up", group: "View", binding: "]" },
  { id: "view.darker", title: "Brightness down", group: "View", binding: "[" },
  { id: "view.moreContrast", title: "Contrast up", group: "View", binding: "}" },
  { id: "view.lessContrast", title: "Contrast down", group: "View", binding: "{" },
  { id: "view.resetImage", title: "Reset brightness and contrast", group: "View", binding: "shift+0" },
  { id: "view.focusList", title: "Move focus between the canvas and the shape list", group: "View", binding: "f6" },
  { id: "view.help", title: "Show or hide this list", group: "View", binding: "?" },
  { id: "view.instructions", title: "Show or hide the campaign's instructions", group: "View", binding: "i" },
  { id: "task.next", title: "Next task", group: "Task", binding: "d" },
  { id: "task.previous", title: "Previous task", group: "Task", binding: "a" },
  { id: "task.save", title: "Save the draft now (it also saves itself every 5 s)", group: "Task", binding: "ctrl+s" },
  { id: "task.submit", title: "Submit the task", group: "Task", binding: "ctrl+enter" },
];

export const ACTION_BY_ID: ReadonlyMap<string, ActionInfo> = new Map(ACTIONS.map((a) => [a.id, a]));

export function scopeOf(action: string): ActionScope {
  return ACTION_BY_ID.get(action)?.scope ?? "global";
}

export const DEFAULT_BINDINGS: Readonly<Record<string, string>> = Object.fromEntries(
  ACTIONS.map((a) => [a.id, a.binding]),
);
