import { Fragment } from "react";
import type { Editor } from "../canvas/editor/editor";
import { useEditorChannel } from "../canvas/use-editor";

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
  const tools: Array<{ id: "select" | "box" | "polygon"; title: string }> = [
    { id: "select", title: "Select" },
    ...editor.schema.tools.map((t) => ({ id: t, title: t === "box" ? "Box" : "Polygon" })),
  ];
  const button = (action: string, text: string, extra: Partial<React.ButtonHTMLAttributes<HTMLButtonElement>> = {}, symbol?: string) => (
    <button type="button" title={`${text} (${shortcutFor(action)})`} aria-keyshortcuts={ariaShortcutFor(action) || undefined} onClick={() => run(action)} {...extra}>
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
