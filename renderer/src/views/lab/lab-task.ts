import type { AnnotationDocument } from "../../../../shared/annotation";
import { SHAPE_KINDS, emptyDocument } from "../../../../shared/annotation";
import type { AmplifyApi, CanvasHabits } from "../../../../shared/api";
import type { LabelImage } from "../../screens/labelling/LabelView";
import type { LabelSchema } from "../../canvas/editor/label-schema";
import { documentLabels } from "../../canvas/editor/label-schema";
import type { LabRoute } from "./lab-route";
import { LAB_CLASSES, LAB_LABELS, LAB_SCENES, loadShapes, modelGuesses, renderScene } from "./procedural-scene";

export const LAB_SCHEMA: LabelSchema = {
  labels: LAB_LABELS,
  classes: LAB_CLASSES,
  classification: "multi",
  tools: ["box", "polygon"],
};

/** Every kind: Person has a skeleton, the other labels an occluded checkbox and Car a colour too. */
export const LAB_ALL_KINDS_SCHEMA: LabelSchema = {
  labels: LAB_LABELS.map((l) =>
    l.id === "person"
      ? {
          ...l,
          skeleton: {
            joints: ["head", "left hand", "right hand"],
            edges: [
              [0, 1],
              [0, 2],
            ],
          },
        }
      : {
          ...l,
          attributes: [
            { id: "occluded", name: "occluded", type: "checkbox" as const },
            ...(l.id === "car"
              ? [{ id: "colour", name: "colour", type: "select" as const, options: ["red", "blue"] }]
              : []),
          ],
        },
  ),
  classes: LAB_CLASSES,
  classification: "multi",
  tools: [...SHAPE_KINDS],
};

export function labSchema(route: LabRoute): LabelSchema {
  return route.kinds === "all" ? LAB_ALL_KINDS_SCHEMA : LAB_SCHEMA;
}

export interface LabTask {
  readonly taskId: string;
  readonly image: LabelImage;
  readonly document: AnnotationDocument;
  readonly previousDocument: AnnotationDocument | null;
  readonly hotkeys: Record<string, string>;
  readonly habits: Partial<CanvasHabits>;
  readonly restored: boolean;
}

export const labTaskId = (scene: string) => `lab:${scene}`;

export function neighbourScene(scene: string, step: 1 | -1): string {
  const at = LAB_SCENES.indexOf(scene as (typeof LAB_SCENES)[number]);
  return LAB_SCENES[(Math.max(0, at) + step + LAB_SCENES.length) % LAB_SCENES.length] as string;
}

/**
 * A lab task goes through the same contract a real one will: its draft comes from drafts:load,
 * so reopening the lab restores exactly what was saved; only the image is made here.
 */
export async function loadLabTask(api: AmplifyApi, route: LabRoute): Promise<LabTask> {
  const taskId = labTaskId(route.scene);
  const [draft, previous, settings] = await Promise.all([
    api.drafts.load({ taskId }),
    api.drafts.load({ taskId: labTaskId(neighbourScene(route.scene, -1)) }),
    api.settings.get(),
  ]);
  const canvas = renderScene(route.scene, route.size);
  const bitmap = canvas.transferToImageBitmap();
  let document = draft?.doc;
  if (!document) {
    document = emptyDocument(taskId, documentLabels(labSchema(route)));
    document.shapes = [
      ...(route.prelabels ? modelGuesses(route.scene, route.size) : []),
      ...loadShapes(route.shapes, route.size),
    ];
  }
  return {
    taskId,
    image: { source: bitmap, width: route.size, height: route.size },
    document,
    previousDocument: previous?.doc ?? null,
    hotkeys: settings.hotkeys,
    habits: settings.canvas ?? {},
    restored: draft !== null,
  };
}
