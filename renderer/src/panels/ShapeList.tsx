import { useRef, useState } from "react";
import type { Shape } from "../../../shared/annotation";
import type { Editor } from "../canvas/editor/editor";
import { describeShape, describeShapeParts } from "../canvas/shape-description";
import { useEditorChannel } from "../canvas/use-editor";

const ROW_HEIGHT = 28;
const KIND_ICON: Record<Shape["kind"], string> = {
  box: "▭",
  polygon: "⬠",
  polyline: "⌇",
  points: "⁘",
  keypoints: "⚲",
  mask: "▦",
  "rotated-box": "◇",
  ellipse: "⬭",
};
const OVERSCAN = 8;

/**
 * Every shape, in a listbox a screen reader can walk (position and set size on each option),
 * virtualised: only the rows in view exist in the DOM, so 10,000 shapes cost 30 elements.
 * Up/Down/Home/End move and select, Shift/Ctrl+Space adds to the selection, F6 returns to the
 * canvas, Enter opens the active shape's attributes; other keys (Delete, H, L, digits) fall
 * through to the editor's shortcuts.
 */
export function ShapeList({
  editor,
  onLeave,
  onEditAttributes,
}: {
  editor: Editor;
  onLeave: () => void;
  onEditAttributes?: () => void;
}) {
  useEditorChannel(editor, "doc");
  useEditorChannel(editor, "selection");
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(400);
  const [cursor, setCursor] = useState(0);
  const listRef = useRef<HTMLDivElement | null>(null);
  const shapes = editor.store.shapes();
  const selection = editor.selection();
  const active = Math.min(cursor, shapes.length - 1);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shapes.length, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);

  const choose = (index: number, additive: boolean) => {
    const shape = shapes[index];
    if (!shape) return;
    setCursor(index);
    if (additive) {
      const next = new Set(selection);
      if (next.has(shape.id)) next.delete(shape.id);
      else next.add(shape.id);
      editor.setSelection(next);
    } else editor.setSelection([shape.id]);
    if (!shape.hidden) editor.reveal(shape);
    const list = listRef.current;
    if (list) {
      const top = index * ROW_HEIGHT;
      if (top < list.scrollTop) list.scrollTop = top;
      else if (top + ROW_HEIGHT > list.scrollTop + list.clientHeight)
        list.scrollTop = top + ROW_HEIGHT - list.clientHeight;
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      Home: 0,
      End: shapes.length - 1,
      PageDown: active + 10,
      PageUp: active - 10,
    };
    const target = moves[e.key];
    if (target !== undefined && shapes.length > 0) {
      e.preventDefault();
      e.stopPropagation();
      choose(Math.max(0, Math.min(shapes.length - 1, target)), e.shiftKey);
    } else if (e.key === " " && shapes.length > 0) {
      e.preventDefault();
      e.stopPropagation();
      choose(active, e.shiftKey || e.ctrlKey || e.metaKey);
    } else if (e.key === "Enter" && onEditAttributes && shapes[active]) {
      e.preventDefault();
      e.stopPropagation();
      if (!selection.has((shapes[active] as Shape).id) || selection.size !== 1) choose(active, false);
      // after React has rendered the panel for the newly selected shape
      requestAnimationFrame(() => onEditAttributes());
    } else if (e.key === "F6") {
      e.preventDefault();
      e.stopPropagation();
      onLeave();
    }
  };

  const activeShape: Shape | undefined = shapes[active];
  return (
    <section className="side-panel shape-list-panel" aria-labelledby="shape-list-title">
      <h2 id="shape-list-title">
        Shapes <span className="count">{shapes.length}</span>
      </h2>
      <div
        ref={(el) => {
          listRef.current = el;
          if (el && el.clientHeight > 0 && el.clientHeight !== viewHeight) setViewHeight(el.clientHeight);
        }}
        className="shape-list"
        // an empty listbox is an error for screen readers (it must own options): a group until there is a shape
        role={shapes.length > 0 ? "listbox" : "group"}
        aria-label={shapes.length > 0 ? `Shapes, ${shapes.length} in total` : "Shapes, none yet"}
        aria-multiselectable={shapes.length > 0 ? "true" : undefined}
        aria-activedescendant={activeShape ? `shape-option-${activeShape.id}` : undefined}
        tabIndex={0}
        data-testid="shape-list"
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
      >
        {shapes.length === 0 && <p className="muted small">No shapes yet. Draw one, or press N on the canvas.</p>}
        <div style={{ height: shapes.length * ROW_HEIGHT, position: "relative" }}>
          {shapes.slice(first, last).map((shape, i) => {
            const index = first + i;
            const label = editor.labelById(shape.label);
            const parts = describeShapeParts(shape, index + 1);
            return (
              <div
                key={shape.id}
                id={`shape-option-${shape.id}`}
                role="option"
                // The name is built here, not from the row's text: the row is a flex container, and
                // Chromium puts a space between flex items, which read as "car , at …". It
                // holds what shows (WCAG 2.5.3: the visible label is part of the name).
                aria-label={describeShape(shape, label, index + 1)}
                aria-selected={selection.has(shape.id)}
                aria-setsize={shapes.length}
                aria-posinset={index + 1}
                className={`shape-row${index === active ? " is-active" : ""}${shape.hidden ? " is-hidden" : ""}`}
                style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
                onPointerDown={(e) => {
                  e.preventDefault();
                  choose(index, e.shiftKey || e.ctrlKey || e.metaKey);
                }}
              >
                <span className="swatch" style={{ background: label?.color ?? "#ff00ff" }} aria-hidden="true" />
                {/* the icon is CSS content, not text: the row's visible text stays the label and flags the name holds */}
                <span className="shape-row-icon" aria-hidden="true" data-icon={KIND_ICON[shape.kind]} />
                <span className="shape-row-name">{label?.name ?? shape.label}</span>
                {/* the separator keeps "person" and "model guess" apart as words for assistive tools too */}
                {parts.flags && <span className="shape-row-flags">{`· ${parts.flags}`}</span>}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
