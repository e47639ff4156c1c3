import type Konva from "konva";
import { useEffect, useRef, useState } from "react";
import { Layer, Shape, Stage } from "react-konva";
import type { Editor } from "../editor/editor";
import type { ImagePyramid } from "./image-pyramid";
import { paintDraft, paintOverlay } from "./draft-painter";
import { paintSelection } from "./selection-painter";
import { SettledPainter } from "./settled-painter";

interface CanvasStageProps {
  readonly editor: Editor;
  readonly pyramid: ImagePyramid;
  readonly width: number;
  readonly height: number;
  /** Exposes the settled painter (benchmarks and tests read what was culled). */
  readonly onPainter?: (painter: SettledPainter) => void;
}

type Paint = (ctx: CanvasRenderingContext2D) => void;

/** One Konva shape whose drawing is ours: Konva gives the layer, we give the pixels. */
function PaintedLayer({ layerRef, paint }: { layerRef: React.RefObject<Konva.Layer | null>; paint: Paint }) {
  return (
    <Layer ref={layerRef} listening={false} imageSmoothingEnabled>
      <Shape listening={false} perfectDrawEnabled={false} shadowForStrokeEnabled={false} strokeScaleEnabled={false} sceneFunc={(context) => paint(context._context)} />
    </Layer>
  );
}

/**
 * Five layers by change rate (Label Studio's ImageView, Excalidraw's static/interactive split):
 * image (zoom and pan only), settled shapes (document changes outside the selection), selection
 * (every drag step), draft (every pointer move while drawing) and overlay (crosshair). Nothing
 * listens for events: the surface does the hit testing through the R-tree. Each layer redraws
 * at most once per animation frame (Konva's batchDraw).
 */
export function CanvasStage({ editor, pyramid, width, height, onPainter }: CanvasStageProps) {
  const imageLayer = useRef<Konva.Layer | null>(null);
  const settledLayer = useRef<Konva.Layer | null>(null);
  const selectionLayer = useRef<Konva.Layer | null>(null);
  const draftLayer = useRef<Konva.Layer | null>(null);
  const overlayLayer = useRef<Konva.Layer | null>(null);
  const [settled] = useState(() => new SettledPainter(() => settledLayer.current?.batchDraw()));
  useEffect(() => () => settled.dispose(), [settled]);

  useEffect(() => {
    const painter = settled;
    onPainter?.(painter);
    const redraw = (...layers: Array<React.RefObject<Konva.Layer | null>>) => {
      for (const layer of layers) layer.current?.batchDraw();
    };
    const applyFilter = () => {
      const canvas = imageLayer.current?.getCanvas()._canvas;
      // A CSS filter on the image layer's own canvas: the GPU/compositor adjusts brightness and
      // contrast without touching the pixels we draw or the shapes above.
      if (canvas) canvas.style.filter = editor.brightness === 1 && editor.contrast === 1 ? "" : `brightness(${editor.brightness}) contrast(${editor.contrast})`;
    };
    applyFilter();
    const offs = [
      editor.store.onChange((diff) => {
        const selection = editor.selection();
        const onlySelection = diff.added.size === 0 && diff.removed.size === 0 && [...diff.updated.keys()].every((id) => selection.has(id));
        if (!onlySelection) {
          painter.invalidate();
          redraw(settledLayer);
        }
        redraw(selectionLayer);
      }),
      editor.events.on("selection", () => {
        painter.invalidate();
        redraw(settledLayer, selectionLayer);
      }),
      editor.events.on("viewport", () => redraw(imageLayer, settledLayer, selectionLayer, draftLayer, overlayLayer)),
      editor.events.on("draft", () => redraw(draftLayer, overlayLayer)),
      editor.events.on("ui", () => {
        applyFilter();
        redraw(selectionLayer, draftLayer, overlayLayer);
      }),
    ];
    offs.push(pyramid.onLevel(() => redraw(imageLayer)));
    void pyramid.build();
    return () => offs.forEach((off) => off());
  }, [editor, pyramid, onPainter, settled]);

  return (
    <Stage width={width} height={height} listening={false}>
      <PaintedLayer layerRef={imageLayer} paint={(ctx) => pyramid.paint(ctx, editor.viewport, editor.viewSize)} />
      <PaintedLayer layerRef={settledLayer} paint={(ctx) => settled.paint(ctx, editor)} />
      <PaintedLayer layerRef={selectionLayer} paint={(ctx) => paintSelection(ctx, editor)} />
      <PaintedLayer layerRef={draftLayer} paint={(ctx) => paintDraft(ctx, editor)} />
      <PaintedLayer layerRef={overlayLayer} paint={(ctx) => paintOverlay(ctx, editor)} />
    </Stage>
  );
}
