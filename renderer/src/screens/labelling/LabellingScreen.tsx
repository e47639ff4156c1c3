import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AnnotationDocument } from "../../../../shared/annotation";
import { classificationProblem, emptyDocument } from "../../../../shared/annotation";
import type { CanvasHabits, OpenedTask, TaskMeta } from "../../../../shared/api";
import { getApi } from "../../api";
import type { Editor } from "../../canvas/editor/editor";
import { acceptAllGuesses, rejectAllGuesses } from "../../canvas/editor/guesses";
import type { LabelImage } from "./LabelView";
import { LabelView } from "./LabelView";
import { useAnnounce } from "../../ui/Announcer";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { errorMessage, formatSol } from "../../ui/format";
import { decodeTaskImage } from "./decode-image";
import { describeSubmission } from "./describe-submission";
import { ModerationScreen } from "../moderation/ModerationScreen";
import { FirstGuessBar } from "./FirstGuessBar";
import { useFirstGuesses } from "./use-first-guesses";
import { schemaForTask } from "./task-schema";

/**
 * The development/test bundle (dist/renderer-lab) shares the open task's live editor with
 * end-to-end tests as window.amplifyLab, as the Canvas lab does; the production bundle has
 * __AMPLIFY_LAB__ false, so the hook is dropped from it.
 */
const LAB_BUILD = typeof __AMPLIFY_LAB__ !== "undefined" && __AMPLIFY_LAB__;

/** How many campaigns' "instructions seen" marks are kept (the oldest are forgotten first). */
const SEEN_LIMIT = 500;

interface Loaded {
  readonly task: OpenedTask;
  /** The first task of a campaign this worker has not seen yet: open its instructions. */
  readonly newCampaign: boolean;
  readonly image: LabelImage;
  /** performance.now() when the image was ready to paint: first guesses are timed from it. */
  readonly shownAt: number;
  /** The worker's rebound keys and canvas habits, as saved in settings. */
  readonly hotkeys: Readonly<Record<string, string>>;
  readonly habits: Partial<CanvasHabits>;
}

export interface LabellingScreenProps {
  readonly taskId: string;
  readonly onOpen: (taskId: string) => void;
  readonly onQueueEmpty: () => void;
  /** Shows a confirmation that outlives this screen (a submit that moves on). */
  readonly onNotice: (text: string) => void;
}

/** Labellable tasks in queue order: key granted, or public and accepted. */
async function workableTasks(): Promise<TaskMeta[]> {
  const list = await getApi().tasks.list();
  return list.filter((t) => t.state === "key_granted" || (t.state === "accepted" && !t.private));
}

/**
 * One real task on the canvas: decrypted bytes from core, its draft or pre-labels, submit to the
 * outbox (Ctrl+Enter) and straight on to the next task, which core has prepared ahead.
 */
export function LabellingScreen({ taskId, onOpen, onQueueEmpty, onNotice }: LabellingScreenProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [moderation, setModeration] = useState<OpenedTask | null>(null);
  const [notice, setNotice] = useState("");
  const announce = useAnnounce();
  const previous = useRef<AnnotationDocument | null>(null);
  // A submit finishes after its round trip; if the labeller has left this screen by then, the
  // result is still queued but nobody is pulled back to the next task.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    let cancelled = false;
    setLoaded(null);
    setError(null);
    setModeration(null);
    (async () => {
      const [task, settings] = await Promise.all([getApi().tasks.open({ id: taskId }), getApi().settings.get()]);
      // A moderation campaign's task has its own view (no canvas, nothing to decode here).
      if (task.moderation) {
        if (!cancelled) setModeration(task);
        return;
      }
      const image = await decodeTaskImage(task.image, task.mime);
      if (cancelled) {
        if (image.source instanceof ImageBitmap) image.source.close();
        return;
      }
      const seen = settings.instructionsSeen ?? [];
      const hasInstructions =
        Boolean(task.instructions?.trim()) ||
        task.labels.some((l) => l.description) ||
        (task.examples?.length ?? 0) > 0;
      const newCampaign = hasInstructions && !seen.includes(task.meta.campaign);
      if (newCampaign)
        void getApi().settings.update({ instructionsSeen: [...seen, task.meta.campaign].slice(-SEEN_LIMIT) });
      setLoaded({
        task,
        newCampaign,
        image,
        shownAt: performance.now(),
        hotkeys: settings.hotkeys,
        habits: settings.canvas ?? {},
      });
    })().catch((e: unknown) => !cancelled && setError(errorMessage(e)));
    return () => {
      cancelled = true;
    };
  }, [taskId]);

  useEffect(
    () => () => {
      if (loaded?.image.source instanceof ImageBitmap) loaded.image.source.close();
    },
    [loaded],
  );

  // The queue as last read from core. Moving on walks this list and asks core again only when
  // it runs out: a refresh reads every assignment from chain, too slow to do per keypress.
  const queue = useRef<string[]>([]);
  const step = useCallback(
    async (direction: 1 | -1) => {
      let at = queue.current.indexOf(taskId);
      if (at < 0 || !queue.current[at + direction]) {
        queue.current = (await workableTasks()).map((t) => t.id);
        at = queue.current.indexOf(taskId);
      }
      const next =
        queue.current[at + direction] ?? (direction === 1 ? queue.current.find((id) => id !== taskId) : undefined);
      if (next) onOpen(next);
      else if (direction === 1) onQueueEmpty();
    },
    [taskId, onOpen, onQueueEmpty],
  );

  const onSave = useCallback(async (doc: AnnotationDocument) => {
    await getApi().drafts.save({ doc });
  }, []);

  const onSubmit = useCallback(
    (doc: AnnotationDocument) => {
      void (async () => {
        try {
          await getApi().tasks.submit({ id: taskId, doc });
          previous.current = doc;
          const said = `Submitted ${describeSubmission(doc)}: it is in the Outbox and is paid when it lands on chain.`;
          setNotice(said);
          // the app's live region outlives this screen, so the sentence is read after the next task opens
          announce(said);
          // and the flash line shows it wherever the worker lands next
          onNotice(said);
          if (mounted.current) await step(1);
        } catch (e) {
          const said = `Not submitted. ${errorMessage(e)} Your work is kept as a draft.`;
          announce(said);
          onNotice(said);
          if (mounted.current) setNotice(said);
        }
      })();
    },
    [taskId, step, announce, onNotice],
  );

  const onHotkeysChange = useCallback((hotkeys: Record<string, string>) => {
    void getApi().settings.update({ hotkeys });
  }, []);

  if (error) return <ErrorNotice message={`This task cannot be opened. ${error}`} onRetry={() => onOpen(taskId)} />;
  if (moderation) return <ModerationScreen key={moderation.meta.id} task={moderation} onNext={() => void step(1)} />;
  if (!loaded) return <p role="status">Opening the task…</p>;
  return (
    <OpenTask
      key={loaded.task.meta.id}
      loaded={loaded}
      previous={previous.current}
      onSave={onSave}
      onSubmit={onSubmit}
      onStep={step}
      onHotkeysChange={onHotkeysChange}
      notice={notice}
    />
  );
}

interface OpenTaskProps {
  readonly loaded: Loaded;
  readonly previous: AnnotationDocument | null;
  readonly notice: string;
  readonly onSave: (doc: AnnotationDocument) => Promise<void>;
  readonly onSubmit: (doc: AnnotationDocument) => void;
  readonly onStep: (direction: 1 | -1) => Promise<void>;
  readonly onHotkeysChange: (hotkeys: Record<string, string>) => void;
}

/** The opened task: canvas and first guesses, one mount per task. */
function OpenTask({ loaded, previous, notice, onSave, onSubmit, onStep, onHotkeysChange }: OpenTaskProps) {
  const { task, image, shownAt } = loaded;
  const [editor, setEditor] = useState<Editor | null>(null);
  const [classNote, setClassNote] = useState<string | null>(null);
  useEffect(() => {
    if (LAB_BUILD && editor) window.amplifyLab = { ...window.amplifyLab, editor, taskId: editor.store.taskId };
  }, [editor]);
  // Refused here before asking core, which refuses the same with the same sentence.
  const submitChecked = (doc: AnnotationDocument) => {
    const problem = classificationProblem(doc, task.labelKind, task.noneOfThese);
    setClassNote(problem);
    if (!problem) onSubmit(doc);
  };
  const guesses = useFirstGuesses(task, editor, shownAt);
  // Fetched by core when the panel shows them (verified there); the same props while the task is open.
  const examples = useMemo(
    () =>
      task.examples?.length
        ? {
            captions: task.examples.map((e) => e.caption),
            load: (index: number) => getApi().tasks.example({ id: task.meta.id, index }),
          }
        : undefined,
    [task],
  );
  const schema = schemaForTask(task.labels, task.labelKind);
  const initial: AnnotationDocument = task.draft?.doc ?? {
    ...emptyDocument(task.meta.id, task.labels),
    image: { width: image.width, height: image.height },
    shapes: task.preLabels,
  };
  return (
    <div className="labelling" data-testid="labelling" data-task={task.meta.id} data-notice={notice}>
      <LabelView
        key={task.meta.id}
        taskId={task.meta.id}
        taskTitle={`${task.meta.title ?? "Task"} #${task.meta.taskIndex} · ${formatSol(task.meta.payLamports)}`}
        image={image}
        schema={schema}
        initialDocument={initial}
        {...(task.draft ? { draftSavedAt: task.draft.savedAt } : {})}
        previousDocument={previous}
        onSave={onSave}
        onSubmit={submitChecked}
        instructions={task.instructions ?? ""}
        {...(examples ? { examples } : {})}
        showInstructions={loaded.newCampaign}
        noneOfThese={task.noneOfThese === true}
        classificationNote={classNote}
        onNext={() => void onStep(1)}
        onPrevious={() => void onStep(-1)}
        hotkeys={loaded.hotkeys}
        habits={loaded.habits}
        onHotkeysChange={onHotkeysChange}
        onEditor={setEditor}
        banner={
          // The detector draws boxes: campaigns without the box tool have no use for it.
          schema.tools.includes("box") && (
            <FirstGuessBar
              guesses={guesses}
              onAcceptAll={() => editor && acceptAllGuesses(editor)}
              onRejectAll={() => editor && rejectAllGuesses(editor)}
            />
          )
        }
      />
    </div>
  );
}
