import { memo, useEffect, useRef, useState } from "react";
import type { Point } from "./geometry/rect";
import type { Editor } from "./editor/editor";
import type { ImagePyramid } from "./layers/image-pyramid";
import type { SettledPainter } from "./layers/settled-painter";
import { CanvasStage } from "./layers/CanvasStage";
import { wheelAction } from "./geometry/wheel";

interface CanvasSurfaceProps {
  readonly editor: Editor;
  readonly pyramid: ImagePyramid;
  readonly onPainter?: (painter: SettledPainter) => void;
  /** Names the canvas for screen readers: which task's image this is. */
  readonly taskTitle: string;
  /** How the shortcut list opens, as bound now. */
  readonly helpKey: string;
}

/**
 * The focusable element that turns pointer, wheel and Space into editor calls: the wheel zooms
 * at the pointer by bounded steps (or, with the `scroll` habit, pans and Ctrl+wheel zooms; see
 * wheelAction), Space+drag and the middle button pan, everything else goes to the active tool in
 * image coordinates.
 */
export const CanvasSurface = memo(function CanvasSurface({
  editor,
  pyramid,
  onPainter,
  taskTitle,
  helpKey,
}: CanvasSurfaceProps) {
  const ref = useRef<HTMLDivElement | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [panning, setPanning] = useState(false);
  const spaceHeld = useRef(false);
  const pan = useRef<Point | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const next = {
        width: Math.max(1, Math.floor(element.clientWidth)),
        height: Math.max(1, Math.floor(element.clientHeight)),
      };
      setSize(next);
      editor.setViewSize(next);
    });
    observer.observe(element);
    // Wheel must be non-passive to stop the page from scrolling instead of the image zooming.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = element.getBoundingClientRect();
      const action = wheelAction(e, editor.habits.wheel, rect.height);
      if ("zoom" in action) editor.zoomBy(action.zoom, { x: e.clientX - rect.left, y: e.clientY - rect.top });
      else editor.panBy(action.pan.dx, action.pan.dy);
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    const onKey = (e: KeyboardEvent) => {
      if (e.code !== "Space") return;
      spaceHeld.current = e.type === "keydown";
      if (e.type === "keydown") e.preventDefault();
      setPanning(spaceHeld.current || pan.current !== null);
    };
    element.addEventListener("keydown", onKey);
    element.addEventListener("keyup", onKey);
    return () => {
      observer.disconnect();
      element.removeEventListener("wheel", onWheel);
      element.removeEventListener("keydown", onKey);
      element.removeEventListener("keyup", onKey);
    };
  }, [editor]);

  const local = (e: React.PointerEvent): Point => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const pointer = (e: React.PointerEvent) => ({
    screen: local(e),
    shift: e.shiftKey,
    modify: e.altKey || e.ctrlKey || e.metaKey,
  });

  return (
    <div
      ref={ref}
      className={`canvas-surface${panning ? " is-panning" : ""}`}
      tabIndex={0}
      role="application"
      aria-roledescription="labelling canvas"
      aria-label={`Image of ${taskTitle}`}
      aria-description={`Arrows move the keyboard cursor, Space places a point, Tab leaves the canvas. ${helpKey} lists every key.`}
      data-testid="canvas-surface"
      onPointerDown={(e) => {
        e.currentTarget.focus();
        e.currentTarget.setPointerCapture(e.pointerId);
        if (e.button === 1 || (e.button === 0 && spaceHeld.current)) {
          e.preventDefault();
          pan.current = local(e);
          setPanning(true);
          return;
        }
        if (e.button === 0) editor.pointerDown(pointer(e));
      }}
      onPointerMove={(e) => {
        if (pan.current) {
          const p = local(e);
          editor.panBy(p.x - pan.current.x, p.y - pan.current.y);
          pan.current = p;
          return;
        }
        editor.pointerMove(pointer(e));
      }}
      onPointerUp={(e) => {
        if (pan.current) {
          pan.current = null;
          setPanning(spaceHeld.current);
          return;
        }
        if (e.button === 0) editor.pointerUp(pointer(e));
      }}
      onPointerLeave={() => editor.pointerLeave()}
      onAuxClick={(e) => e.preventDefault()}
      onContextMenu={(e) => e.preventDefault()}
    >
      {size.width > 0 && (
        <CanvasStage editor={editor} pyramid={pyramid} width={size.width} height={size.height} onPainter={onPainter} />
      )}
    </div>
  );
});
