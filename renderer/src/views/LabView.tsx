import { useCallback, useEffect, useState } from "react";
import type { AnnotationDocument } from "../../../shared/annotation";
import { getApi } from "../api";
import { LabelView } from "../screens/labelling/LabelView";
import type { Editor } from "../canvas/editor/editor";
import type { SettledPainter } from "../canvas/layers/settled-painter";
import type { LabRoute } from "./lab/lab-route";
import { initialLabRoute, labRouteHash } from "./lab/lab-route";
import type { LabTask } from "./lab/lab-task";
import { labSchema, loadLabTask, neighbourScene } from "./lab/lab-task";
import { LAB_SCENES } from "./lab/procedural-scene";
import { useAnnounce } from "../ui/Announcer";
import { describeSubmission } from "../screens/labelling/describe-submission";

const DEFAULT_ROUTE: LabRoute = { scene: "street", shapes: 0, size: 2048, prelabels: true, kinds: "basic" };

declare global {
  interface Window {
    /** The lab's live editor, for end-to-end tests and benchmarks (the lab is a practice view). */
    amplifyLab?: { editor: Editor; taskId: string; painter?: SettledPainter };
  }
}

/**
 * The Canvas lab: the real labelling canvas on generated scenes, saving drafts through the real
 * contract (taskId `lab:<scene>`). For practice, end-to-end tests and the benchmark.
 */
export function LabView() {
  const [route, setRoute] = useState<LabRoute>(initialLabRoute ?? DEFAULT_ROUTE);
  const [task, setTask] = useState<LabTask | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const announce = useAnnounce();

  useEffect(() => {
    history.replaceState(null, "", labRouteHash(route));
    let cancelled = false;
    loadLabTask(getApi(), route).then(
      (loaded) => !cancelled && setTask(loaded),
      (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [route]);

  useEffect(() => () => (task?.image.source instanceof ImageBitmap ? task.image.source.close() : undefined), [task]);

  const go = useCallback((step: 1 | -1) => setRoute((r) => ({ ...r, scene: neighbourScene(r.scene, step) })), []);
  const onSave = useCallback(async (doc: AnnotationDocument) => {
    await getApi().drafts.save({ doc });
  }, []);
  const onSubmit = useCallback(
    (doc: AnnotationDocument) => {
      const said = `Submitted: ${describeSubmission(doc)} (the lab keeps it as a draft)`;
      setNotice(said);
      announce(said);
      go(1);
    },
    [go, announce],
  );
  const onHotkeysChange = useCallback((hotkeys: Record<string, string>) => {
    void getApi().settings.update({ hotkeys });
  }, []);
  const onEditor = useCallback((editor: Editor) => {
    window.amplifyLab = { ...window.amplifyLab, editor, taskId: editor.store.taskId };
  }, []);
  const onPainter = useCallback((painter: SettledPainter) => {
    window.amplifyLab = { ...window.amplifyLab!, painter };
  }, []);

  const current = task && task.taskId === `lab:${route.scene}` ? task : null;
  return (
    <section aria-label="Canvas lab" className="lab-view">
      <div className="lab-bar">
        <label>
          Scene{" "}
          <select value={route.scene} onChange={(e) => setRoute((r) => ({ ...r, scene: e.target.value }))}>
            {LAB_SCENES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <span>
          {route.size}×{route.size} px · {route.shapes} generated shapes{current?.restored ? " · draft restored" : ""}
        </span>
        <span>{notice}</span>
      </div>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      {!current && !error && <p>Drawing the scene…</p>}
      {current && (
        <LabelView
          key={current.taskId}
          taskId={current.taskId}
          taskTitle={`Lab · ${route.scene}`}
          image={current.image}
          schema={labSchema(route)}
          initialDocument={current.document}
          previousDocument={current.previousDocument}
          hotkeys={current.hotkeys}
          habits={current.habits}
          onHotkeysChange={onHotkeysChange}
          onSave={onSave}
          onNext={() => go(1)}
          onPrevious={() => go(-1)}
          onSubmit={onSubmit}
          onEditor={onEditor}
          onPainter={onPainter}
        />
      )}
    </section>
  );
}
