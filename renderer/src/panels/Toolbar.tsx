import { Fragment } from "react";
import type { Editor } from "../canvas/editor/editor";
import { useEditorChannel } from "../canvas/use-editor";
import { availableTools } from "../canvas/editor/label-schema";
import type { ToolId } from "../tools/tool";

const TOOL_TITLES: Readonly<Record<ToolId, string>> = {
  select: "Select",
  box: "Box",
  polygon: "Polygon",
  polyline: "Polyline",
  points: "Points",
  keypoints: "Skeleton",
  mask: "Brush",
  "rotated-box": "Rotated box",
  ellipse: "Ellipse",
  wand: "Magic wand",
  scissors: "Scissors",
};

/** Brush size and mode, wand tolerance and output: shown while those tools are active. */
function ToolSettings({
  editor,
  button,
}: {
  editor: Editor;
  button: (
    action: string,
    text: string,
    extra?: Partial<React.ButtonHTMLAttributes<HTMLButtonElement>>,
  ) => React.ReactNode;
}) {
  if (editor.tool.id === "mask") {
    return (
      <div className="toolbar-group" role="group" aria-label="Brush">
        {button("brush.erase", editor.maskTool.erase ? "Erasing" : "Painting", {
          "aria-pressed": editor.maskTool.erase,
        })}
        {button("brush.smaller", "−")}
        <output data-testid="brush-size" aria-label="Brush radius">
          {editor.maskTool.radius} px
        </output>
        {button("brush.larger", "+")}
        {button("mask.fillHoles", "Fill holes")}
      </div>
    );
  }
  if (editor.tool.id === "wand") {
    return (
      <div className="toolbar-group" role="group" aria-label="Magic wand">
        {button("brush.smaller", "−")}
        <output data-testid="wand-tolerance" aria-label="Tolerance">
          tolerance {editor.wandTool.tolerance}
        </output>
        {button("brush.larger", "+")}
        {button("wand.polygon", editor.wandTool.polygon ? "Makes polygons" : "Makes masks", {
          "aria-pressed": editor.wandTool.polygon,
        })}
      </div>
    );
  }
  return null;
}

interface ToolbarProps {
  readonly editor: Editor;
  readonly run: (action: string) => void;
  readonly shortcutFor: (action: string) => string;
  /** The same keys in aria-keyshortcuts syntax. */
  readonly ariaShortcutFor: (action: string) => string;
}

/** Only this re-renders on pan and zoom frames, not the whole toolbar. */
function ZoomValue({ editor }: { editor: Editor }) {
  useEditorChannel(editor, "viewport");
  return (
    <output className="zoom-value" data-testid="zoom" aria-label="Zoom">
      {Math.round(editor.viewport.scale * 100)}%
    </output>
  );
}

/** Tools, history, zoom and image adjustments: every button names its shortcut. */
export function Toolbar({ editor, run, shortcutFor, ariaShortcutFor }: ToolbarProps) {
  useEditorChannel(editor, "ui");
  useEditorChannel(editor, "doc");
  const tools: Array<{ id: ToolId; title: string }> = [
    { id: "select", title: "Select" },
    ...availableTools(editor.schema, editor.assist !== null).map((t) => ({ id: t, title: TOOL_TITLES[t] })),
  ];
  const button = (
    action: string,
    text: string,
    extra: Partial<React.ButtonHTMLAttributes<HTMLButtonElement>> = {},
    symbol?: string,
  ) => (
    <button
      type="button"
      title={`${text} (${shortcutFor(action)})`}
      aria-keyshortcuts={ariaShortcutFor(action) || undefined}
      onClick={() => run(action)}
      {...extra}
    >
      {symbol ? (
        <>
          <span aria-hidden="true">{symbol}</span>
          <span className="visually-hidden">{text}</span>
        </>
      ) : (
        text
      )}
    </button>
  );
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas tools">
      <div className="toolbar-group" role="group" aria-label="Tool">
        {tools.map((t) => (
          <Fragment key={t.id}>{button(`tool.${t.id}`, t.title, { "aria-pressed": editor.tool.id === t.id })}</Fragment>
        ))}
      </div>
      <ToolSettings editor={editor} button={button} />
      <div className="toolbar-group" role="group" aria-label="History">
        {button("edit.undo", "Undo", { disabled: !editor.history.canUndo })}
        {button("edit.redo", "Redo", { disabled: !editor.history.canRedo })}
      </div>
      <div className="toolbar-group" role="group" aria-label="Zoom">
        {button("view.zoomOut", "Zoom out", {}, "−")}
        <ZoomValue editor={editor} />
        {button("view.zoomIn", "Zoom in", {}, "+")}
        {button("view.fit", "Fit")}
        {button("view.crosshair", "Crosshair", { "aria-pressed": editor.crosshair })}
      </div>
      <div className="toolbar-group" role="group" aria-label="Image">
        <label>
          Brightness
          <input
            type="range"
            min={0.2}
            max={3}
            step={0.1}
            value={editor.brightness}
            onChange={(e) => editor.setImageAdjust(Number(e.target.value), editor.contrast)}
          />
        </label>
        <label>
          Contrast
          <input
            type="range"
            min={0.2}
            max={3}
            step={0.1}
            value={editor.contrast}
            onChange={(e) => editor.setImageAdjust(editor.brightness, Number(e.target.value))}
          />
        </label>
      </div>
      {button("view.help", "Shortcuts")}
    </div>
  );
}
