import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AnnotationDocument } from "../../../../shared/annotation";
import { AttributesPanel } from "../../panels/AttributesPanel";
import { ClassificationPanel } from "../../panels/ClassificationPanel";
import { InstructionsPanel } from "../../panels/InstructionsPanel";
import type { ExampleImagesProps } from "../../panels/ExampleImages";
import { LabelPalette } from "../../panels/LabelPalette";
import { ShapeList } from "../../panels/ShapeList";
import { ShortcutOverlay } from "../../panels/ShortcutOverlay";
import { TaskBar } from "../../panels/TaskBar";
import { Toolbar } from "../../panels/Toolbar";
import { AssistClient } from "../../assist/assist-client";
import { CanvasSurface } from "../../canvas/CanvasSurface";
import type { CommandHost } from "../../canvas/editor/commands";
import { runAction } from "../../canvas/editor/commands";
import { Editor } from "../../canvas/editor/editor";
import type { LabelSchema } from "../../canvas/editor/label-schema";
import { DEFAULT_BINDINGS } from "../../canvas/hotkeys/actions";
import { dispatchKey } from "../../canvas/hotkeys/dispatch";
import { ariaShortcut, comboOf, comboTable, displayCombo, resolveBindings } from "../../canvas/hotkeys/hotkeys";
import { useAnnounce } from "../../ui/Announcer";
import { ImagePyramid } from "../../canvas/layers/image-pyramid";
import type { SettledPainter } from "../../canvas/layers/settled-painter";
import { useAutosave } from "../../canvas/use-autosave";
import { useTaskTimer } from "../../canvas/use-task-timer";
import type { CanvasHabits } from "../../../../shared/api";
import { DEFAULT_CANVAS_HABITS } from "../../../../shared/api";
import "./label-view.css";

export interface LabelImage {
  /** Decoded pixels: an ImageBitmap, a loaded <img>, a canvas or an OffscreenCanvas. */
  readonly source: CanvasImageSource;
  readonly width: number;
  readonly height: number;
}

export interface LabelViewProps {
  readonly taskId: string;
  readonly taskTitle?: string;
  readonly image: LabelImage;
  readonly schema: LabelSchema;
  /** The saved draft, or the task's pre-labels; null starts empty. */
  readonly initialDocument?: AnnotationDocument | null;
  /** The previous task's document, for "copy all shapes from the previous task". */
  readonly previousDocument?: AnnotationDocument | null;
  /** settings.hotkeys: action id → "combo|combo" overrides. */
  readonly hotkeys?: Readonly<Record<string, string>>;
  readonly onHotkeysChange?: (hotkeys: Record<string, string>) => void;
  /** settings.canvas: wheel and drag conventions (absent: Label Studio's and CVAT's). */
  readonly habits?: Partial<CanvasHabits>;
  /** Persists the draft (drafts:save); called every 5 s when changed, on Ctrl+S and on leaving. */
  readonly onSave: (doc: AnnotationDocument) => Promise<void>;
  /** Called (debounced) after every document change, with the whole document. */
  readonly onDocumentChange?: (doc: AnnotationDocument) => void;
  readonly onNext?: () => void;
  readonly onPrevious?: () => void;
  readonly onSubmit?: (doc: AnnotationDocument) => void;
  readonly autosaveMs?: number;
  /** Hands out the editor and its culling painter (tests, benchmarks, host integrations). */
  readonly onEditor?: (editor: Editor) => void;
  readonly onPainter?: (painter: SettledPainter) => void;
  /** False turns off the assisted-drawing worker (magic wand, scissors). */
  readonly assist?: boolean;
  /** A strip above the canvas for the host's task-level controls (e.g. first guesses). */
  readonly banner?: React.ReactNode;
  /**
   * The campaign's instructions (its labels' descriptions come from the schema). With them, `I`
   * shows and hides the panel; `showInstructions` opens it with the task (a new campaign).
   */
  readonly instructions?: string;
  readonly showInstructions?: boolean;
  /** The campaign's example images, shown in the instructions panel. */
  readonly examples?: ExampleImagesProps;
  /** Image classes: a result may choose none ("none of these"). */
  readonly noneOfThese?: boolean;
  /** When the draft `initialDocument` comes from was saved (ms): the bar says it was restored. */
  readonly draftSavedAt?: number;
  /** A sentence about the classes, shown under them (e.g. why a submit was refused). */
  readonly classificationNote?: string | null;
}

const CHANGE_DEBOUNCE_MS = 250;

/**
 * The labelling canvas for one task. Mount it with `key={taskId}`: a new task is a new editor,
 * history and timer; unmounting saves the draft.
 */
export function LabelView(props: LabelViewProps) {
  const { taskId, image, schema, initialDocument, onSave, onEditor, onPainter, onDocumentChange } = props;
  // The assist worker gets the decrypted pixels only when a wand or scissors is first used.
  const [assist] = useState(() =>
    typeof Worker === "undefined" || props.assist === false ? null : AssistClient.start(image),
  );
  useEffect(() => () => assist?.dispose(), [assist]);
  const [editor] = useState(
    () =>
      new Editor({
        taskId,
        image: { width: image.width, height: image.height },
        schema,
        document: initialDocument,
        assist,
      }),
  );
  const pyramid = useMemo(() => new ImagePyramid(image.source, { width: image.width, height: image.height }), [image]);
  useEffect(() => () => pyramid.dispose(), [pyramid]);
  const timer = useTaskTimer(initialDocument?.timeSpentMs ?? 0);
  const { elapsedRef, touch } = timer;
  const { saveState, saves, save } = useAutosave(editor, elapsedRef, onSave, props.autosaveMs, props.draftSavedAt);
  const [helpOpen, setHelpOpen] = useState(false);
  const [instructionsOpen, setInstructionsOpen] = useState(
    props.instructions !== undefined && props.showInstructions === true,
  );
  const [overrides, setOverrides] = useState<Record<string, string>>(() => ({ ...props.hotkeys }));
  const bindings = useMemo(() => resolveBindings(DEFAULT_BINDINGS, overrides), [overrides]);
  const table = useMemo(() => comboTable(bindings), [bindings]);
  const rootRef = useRef<HTMLDivElement | null>(null);
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => onEditor?.(editor), [editor, onEditor]);
  const { wheel, dragSelected } = { ...DEFAULT_CANVAS_HABITS, ...props.habits };
  useEffect(() => {
    editor.habits = { wheel, dragSelected };
  }, [editor, wheel, dragSelected]);

  // What the person did on the canvas goes to the screen's live region; autosave only when it fails.
  const announce = useAnnounce();
  useEffect(() => editor.events.on("announce", () => announce(editor.announcement)), [editor, announce]);
  useEffect(() => {
    if (saveState.startsWith("Not saved:")) announce(`Draft ${saveState.charAt(0).toLowerCase()}${saveState.slice(1)}`);
  }, [saveState, announce]);

  useEffect(() => {
    if (!onDocumentChange) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = editor.store.onChange(() => {
      clearTimeout(timer);
      timer = setTimeout(
        () => latest.current.onDocumentChange?.(editor.toDocument(elapsedRef.current)),
        CHANGE_DEBOUNCE_MS,
      );
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [editor, onDocumentChange, elapsedRef]);

  const focusSurface = useCallback(
    () => rootRef.current?.querySelector<HTMLElement>("[data-testid=canvas-surface]")?.focus(),
    [],
  );
  useEffect(() => {
    focusSurface();
  }, [focusSurface]);

  const host: CommandHost = useMemo(
    () => ({
      next: () => latest.current.onNext && void save(true).then(() => latest.current.onNext?.()),
      previous: () => latest.current.onPrevious && void save(true).then(() => latest.current.onPrevious?.()),
      submit: () => void save(true).then(() => latest.current.onSubmit?.(editor.toDocument(elapsedRef.current))),
      toggleHelp: () => setHelpOpen((open) => !open),
      ...(props.instructions !== undefined ? { toggleInstructions: () => setInstructionsOpen((open) => !open) } : {}),
      previousDocument: () => latest.current.previousDocument,
      save: () => void save(true),
      toggleFocus: () => {
        const root = rootRef.current;
        const surface = root?.querySelector<HTMLElement>("[data-testid=canvas-surface]");
        const list = root?.querySelector<HTMLElement>("[data-testid=shape-list]");
        (document.activeElement === surface ? list : surface)?.focus();
      },
      focusAttributes: () => {
        const first = rootRef.current?.querySelector<HTMLElement>(
          "[data-testid=attributes] input, [data-testid=attributes] select",
        );
        first?.focus();
        return first !== null && first !== undefined;
      },
    }),
    [editor, elapsedRef, save, props.instructions],
  );

  const run = useCallback((action: string) => runAction(editor, action, host), [editor, host]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    touch();
    if (helpOpen) return;
    const target = e.target as HTMLElement;
    if (target.closest("input, textarea, select")) return;
    const combo = comboOf(e.nativeEvent);
    const actions = combo ? table.get(combo) : undefined;
    if (!actions) return;
    const onSurface = target.dataset.testid === "canvas-surface";
    // Enter and Space on a focused button press that button.
    if (target.tagName === "BUTTON" && (combo === "enter" || combo === "space")) return;
    if (dispatchKey(actions, { onCanvas: onSurface, repeat: e.repeat }, run)) e.preventDefault();
  };

  const onRebind = (action: string, combo: string | null) => {
    const next = action === "*" ? {} : { ...overrides, [action]: combo ?? "" };
    setOverrides(next);
    props.onHotkeysChange?.(next);
  };

  const shortcutFor = (action: string) => (bindings[action] ?? []).map(displayCombo).join(" or ");
  const ariaShortcutFor = (action: string) => (bindings[action] ?? []).map(ariaShortcut).join(" ");
  return (
    <div className="label-view" ref={rootRef} onKeyDown={onKeyDown} onPointerDown={touch} data-testid="label-view">
      <Toolbar editor={editor} run={(a) => void run(a)} shortcutFor={shortcutFor} ariaShortcutFor={ariaShortcutFor} />
      {props.banner}
      <div className="label-main">
        <CanvasSurface
          editor={editor}
          pyramid={pyramid}
          onPainter={onPainter}
          taskTitle={props.taskTitle ?? taskId}
          helpKey={shortcutFor("view.help")}
        />
        <aside className="label-side" aria-label="Labels and shapes">
          {instructionsOpen && props.instructions !== undefined && (
            <InstructionsPanel
              instructions={props.instructions}
              {...(props.examples ? { examples: props.examples } : {})}
              labels={[...schema.labels, ...schema.classes.filter((c) => !schema.labels.includes(c))]}
              shortcut={shortcutFor("view.instructions")}
              onClose={() => {
                setInstructionsOpen(false);
                focusSurface();
              }}
            />
          )}
          {schema.tools.length > 0 && <LabelPalette editor={editor} />}
          <ClassificationPanel
            editor={editor}
            noneOfThese={props.noneOfThese === true}
            note={props.classificationNote ?? null}
          />
          <AttributesPanel editor={editor} onLeave={focusSurface} />
          <ShapeList editor={editor} onLeave={focusSurface} onEditAttributes={() => host.focusAttributes?.()} />
        </aside>
      </div>
      <TaskBar
        taskTitle={props.taskTitle ?? taskId}
        timer={timer}
        saveState={saveState}
        saves={saves}
        run={(a) => void run(a)}
        canPrevious={props.onPrevious !== undefined}
        canNext={props.onNext !== undefined}
      />
      {helpOpen && <ShortcutOverlay bindings={bindings} onRebind={onRebind} onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
