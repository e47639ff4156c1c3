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

/** Paints the layer; returns whether anything was drawn. */
type Paint = (ctx: CanvasRenderingContext2D) => boolean | void;

/**
 * A layer that was left empty and would stay empty is not redrawn: clearing a blank canvas
 * still costs a full-size upload and composite per frame in software rendering.
 */
type Layered = React.RefObject<Konva.Layer | null> & { blank?: boolean };

/** One Konva shape whose drawing is ours: Konva gives the layer, we give the pixels. */
function PaintedLayer({ layerRef, paint }: { layerRef: Layered; paint: Paint }) {
  return (
    <Layer ref={layerRef} listening={false} imageSmoothingEnabled>
      <Shape
        listening={false}
        perfectDrawEnabled={false}
        shadowForStrokeEnabled={false}
        strokeScaleEnabled={false}
        sceneFunc={(context) => {
          layerRef.blank = paint(context._context) === false;
        }}
      />
    </Layer>
  );
}

/**
 * Four layers by change rate (Label Studio's ImageView, Excalidraw's static/interactive split):
 * image (zoom and pan only), settled shapes (document changes outside the selection), selection
 * (every drag step) and pointer: the shape being drawn plus the crosshair, which both change on
 * every pointer move, so they share one canvas (one clear and composite per move, not two). Nothing
 * listens for events: the surface does the hit testing through the R-tree. Each layer redraws
 * at most once per animation frame (Konva's batchDraw).
 */
export function CanvasStage({ editor, pyramid, width, height, onPainter }: CanvasStageProps) {
  const imageLayer: Layered = useRef<Konva.Layer | null>(null);
  const settledLayer: Layered = useRef<Konva.Layer | null>(null);
  const selectionLayer: Layered = useRef<Konva.Layer | null>(null);
  const pointerLayer: Layered = useRef<Konva.Layer | null>(null);
  const [settled] = useState(() => new SettledPainter(() => settledLayer.current?.batchDraw()));
  useEffect(() => () => settled.dispose(), [settled]);

  useEffect(() => {
    const painter = settled;
    onPainter?.(painter);
    const redraw = (...layers: Layered[]) => {
      for (const layer of layers) layer.current?.batchDraw();
    };
    const stillBlank = (layer: Layered, empty: () => boolean) => layer.blank === true && empty();
    const applyFilter = () => {
      const canvas = imageLayer.current?.getCanvas()._canvas;
      // A CSS filter on the image layer's own canvas: the GPU/compositor adjusts brightness and
      // contrast without touching the pixels we draw or the shapes above.
      if (canvas)
        canvas.style.filter =
          editor.brightness === 1 && editor.contrast === 1
            ? ""
            : `brightness(${editor.brightness}) contrast(${editor.contrast})`;
    };
    applyFilter();
    const offs = [
      editor.store.onChange((diff) => {
        const selection = editor.selection();
        const editsSelection = diff.removed.size === 0 && [...diff.updated.keys()].every((id) => selection.has(id));
        // A drag step only moves shapes the snapshot already left out: the settled layer is
        // untouched, and the selection layer alone redraws.
        let settledChanged = !editsSelection || diff.added.size > 0;
        if (!editsSelection) painter.invalidate();
        else if (diff.updated.size > 0) settledChanged = painter.exclude(diff.updated.keys()) || settledChanged;
        if (editsSelection && diff.added.size > 0)
          painter.append(
            editor,
            [...diff.added.values()].map((r) => r.shape),
          );
        if (settledChanged) redraw(settledLayer);
        redraw(selectionLayer);
      }),
      editor.events.on("selection", () => {
        if (painter.release(editor.selection())) redraw(settledLayer);
        redraw(selectionLayer);
      }),
      editor.events.on("viewport", () => {
        redraw(imageLayer, settledLayer);
        if (!stillBlank(selectionLayer, () => editor.selection().size === 0)) redraw(selectionLayer);
        if (
          !stillBlank(
            pointerLayer,
            () => editor.tool.draft() === null && !editor.cursorShown && (editor.pointer === null || !editor.crosshair),
          )
        )
          redraw(pointerLayer);
      }),
      editor.events.on("draft", () => redraw(pointerLayer)),
      editor.events.on("ui", () => {
        applyFilter();
        redraw(selectionLayer, pointerLayer);
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
      <PaintedLayer
        layerRef={pointerLayer}
        paint={(ctx) => [paintDraft(ctx, editor), paintOverlay(ctx, editor)].includes(true)}
      />
    </Stage>
  );
}
