import { useCallback, useEffect, useRef, useState } from "react";
import type { OpenedTask } from "../../../../shared/api";
import { buildModerationResult } from "../../../../shared/moderation";
import { getApi } from "../../api";
import { errorMessage, formatSol } from "../../ui/format";
import { BlurredImage } from "./BlurredImage";
import { BreakReminder, ExposurePanel } from "./BreakReminder";
import { InertText } from "./InertText";
import { ModerationShortcuts } from "./ModerationShortcuts";
import { comboOf } from "../../canvas/hotkeys/hotkeys";
import { moderationBindings } from "./moderation-keys";
import { useAnnounce } from "../../ui/Announcer";
import { exposure } from "./exposure-session";
import "./moderation.css";

export interface ModerationScreenProps {
  /** An opened task whose campaign is a moderation campaign (task.moderation is set). */
  readonly task: OpenedTask;
  /** Goes on to the next task (or back to the queue when there is none). */
  readonly onNext: () => void;
}

const isField = (target: EventTarget): boolean =>
  target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement || target instanceof HTMLSelectElement;

/**
 * One moderation item at a time, for speed and for the worker's wellbeing: digits choose
 * categories, Enter confirms and moves on, images stay blurred and grey unless Space is held
 * (or the reveal button pressed), text is shown inertly with hidden characters made visible,
 * and the session's exposure is counted, with optional break reminders.
 */
export function ModerationScreen({ task, onNext }: ModerationScreenProps) {
  const spec = task.moderation?.spec;
  const item = task.moderation?.item;
  const root = useRef<HTMLDivElement | null>(null);
  const reasonField = useRef<HTMLTextAreaElement | null>(null);
  const startedAt = useRef(performance.now());
  const [decisions, setDecisions] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  const [revealed, setRevealed] = useState(spec?.unblurred === true);
  const [everRevealed, setEverRevealed] = useState(false);
  const [bitmap, setBitmap] = useState<ImageBitmap | null>(null);
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);
  const [showKeys, setShowKeys] = useState(false);
  const [hotkeys, setHotkeys] = useState<Record<string, string>>({});
  const announce = useAnnounce();
  const keys = moderationBindings(hotkeys);

  useEffect(() => {
    const api = getApi();
    api.settings.get().then(
      (s) => setHotkeys(s.hotkeys),
      () => {},
    );
    return api.events.on("settings:changed", (s) => setHotkeys(s.hotkeys));
  }, []);

  useEffect(() => {
    root.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    if (item?.kind !== "image") return;
    let cancelled = false;
    let made: ImageBitmap | null = null;
    createImageBitmap(new Blob([new Uint8Array(task.image)], { type: task.mime }))
      .then((b) => {
        made = b;
        if (cancelled) b.close();
        else setBitmap(b);
      })
      .catch((e: unknown) => !cancelled && setProblem(`The image cannot be shown. ${errorMessage(e)}`));
    return () => {
      cancelled = true;
      made?.close();
    };
  }, [task, item?.kind]);

  const reveal = useCallback(
    (on: boolean) => {
      if (item?.kind !== "image" || spec?.unblurred) return;
      setRevealed(on);
      if (on && !everRevealed) {
        setEverRevealed(true);
        exposure.revealed();
      }
    },
    [item?.kind, spec?.unblurred, everRevealed],
  );

  // A key released while the window was in the background must not leave the image revealed.
  useEffect(() => {
    const hide = (): void => reveal(false);
    window.addEventListener("blur", hide);
    return () => window.removeEventListener("blur", hide);
  }, [reveal]);

  const toggle = useCallback(
    (index: number) => {
      const category = spec?.policy.categories[index];
      if (!category || !spec) return;
      setProblem("");
      setDecisions((current) =>
        spec.policy.select === "single"
          ? [category.id]
          : current.includes(category.id)
            ? current.filter((d) => d !== category.id)
            : [...current, category.id],
      );
    },
    [spec],
  );

  const confirm = useCallback(async () => {
    if (!spec || busy) return;
    const built = buildModerationResult(spec.policy, {
      taskId: task.meta.id,
      decisions,
      reason,
      revealed: everRevealed,
      timeSpentMs: performance.now() - startedAt.current,
    });
    if (!built.ok) {
      setProblem(`Not yet: ${built.error}.`);
      return;
    }
    setBusy(true);
    try {
      await getApi().moderation.submit({ id: task.meta.id, result: built.value });
      exposure.judged();
      const names = decisions.map((d) => spec.policy.categories.find((c) => c.id === d)?.name ?? d);
      announce(`Decision sent: ${names.length > 0 ? names.join(", ") : "no category"}`);
      onNext();
    } catch (e) {
      setProblem(`The decision was not queued. ${errorMessage(e)} Nothing was lost; try again.`);
      setBusy(false);
    }
  }, [spec, busy, task.meta.id, decisions, reason, everRevealed, onNext, announce]);

  if (!spec || !item) return <p role="alert">This task is not a moderation task.</p>;
  const categories = spec.policy.categories;

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (showKeys) return;
    if (isField(e.target)) {
      if (e.key === "Enter" && !e.shiftKey) {
        e.preventDefault();
        void confirm();
      } else if (e.key === "Escape") root.current?.focus();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    // Enter and Space on the view's own buttons (Show more, Keys, Confirm) do what the button
    // says; Enter on "Hold to reveal" does nothing (a decision is never sent from there); on a
    // category button or on the view itself Enter confirms and Space reveals.
    const button = e.target instanceof HTMLButtonElement ? e.target : null;
    const onRevealButton = button?.classList.contains("reveal-button") === true;
    if (button && !button.dataset.category && !onRevealButton && (e.key === "Enter" || e.key === " ")) return;
    if (onRevealButton && e.key === "Enter") {
      e.preventDefault();
      return;
    }
    // A held key must not toggle a category back and forth, or confirm item after item.
    if (e.repeat && e.key !== " ") {
      e.preventDefault();
      return;
    }
    const combo = comboOf(e.nativeEvent);
    if (keys.digits && /^[1-9]$/.test(e.key)) {
      e.preventDefault();
      toggle(Number(e.key) - 1);
    } else if (e.key === "Enter") {
      e.preventDefault();
      void confirm();
    } else if (e.key === " ") {
      e.preventDefault();
      if (!e.repeat) reveal(true);
    } else if (combo !== null && combo === keys.keys["moderation.reason"]) {
      if (spec.policy.reason === "off") return;
      e.preventDefault();
      reasonField.current?.focus();
    } else if (combo !== null && combo === keys.keys["moderation.skip"]) {
      // skipping is never a side effect of typing on a focused button
      if (button) return;
      e.preventDefault();
      announce("Skipped");
      onNext();
    } else if (combo !== null && combo === keys.keys["moderation.help"]) {
      e.preventDefault();
      setShowKeys(true);
    }
  };
  const onKeyUp = (e: React.KeyboardEvent): void => {
    if (e.key === " ") reveal(false);
  };

  return (
    <div
      className="moderation"
      aria-label={`Moderation item ${task.meta.taskIndex}`}
      role="region"
      data-testid="moderation"
      data-task={task.meta.id}
      data-index={task.meta.taskIndex}
      data-kind={item.kind}
      tabIndex={-1}
      ref={root}
      onKeyDown={onKeyDown}
      onKeyUp={onKeyUp}
    >
      <header className="moderation-head">
        <h2>
          {task.meta.title ?? "Moderation"}{" "}
          <span className="muted">
            #{task.meta.taskIndex} · {formatSol(task.meta.payLamports)}
          </span>
        </h2>
        <button
          type="button"
          onClick={() => setShowKeys(true)}
          aria-keyshortcuts={keys.keys["moderation.help"] === "?" ? "?" : undefined}
        >
          Keys{keys.keys["moderation.help"] ? ` (${keys.keys["moderation.help"].toUpperCase()})` : ""}
        </button>
      </header>
      <BreakReminder />
      <div className="moderation-body">
        <section className="moderation-item" aria-label={item.kind === "image" ? "Image item" : "Text item"}>
          {item.kind === "image" ? (
            <>
              {bitmap ? <BlurredImage bitmap={bitmap} revealed={revealed} /> : <p role="status">Decoding the image…</p>}
              {!spec.unblurred && (
                <button
                  type="button"
                  className="reveal-button"
                  aria-pressed={revealed}
                  aria-keyshortcuts="Space"
                  onPointerDown={() => reveal(true)}
                  onPointerUp={() => reveal(false)}
                  onPointerLeave={() => reveal(false)}
                >
                  {revealed ? "Revealed — release to blur" : "Hold to reveal (hold Space)"}
                </button>
              )}
            </>
          ) : (
            <InertText text={item.text} />
          )}
        </section>
        <aside className="moderation-panel">
          <fieldset className="moderation-categories">
            <legend>
              {spec.policy.select === "single" ? "Choose one category" : "Choose every category that applies"}
            </legend>
            {categories.map((c, i) => (
              <button
                key={c.id}
                type="button"
                className={`category severity-${c.severity}`}
                aria-pressed={decisions.includes(c.id)}
                aria-keyshortcuts={String(i + 1)}
                data-category={c.id}
                onClick={() => toggle(i)}
              >
                <kbd>{i + 1}</kbd> <span className="category-name">{c.name}</span>
                <span className="category-severity">{c.severity}</span>
                {c.description && <span className="category-description">{c.description}</span>}
              </button>
            ))}
          </fieldset>
          {spec.policy.reason !== "off" && (
            <label className="moderation-reason">
              <span>
                Reason {spec.policy.reason === "required" ? "(required)" : "(optional)"} <kbd>R</kbd>
              </span>
              <textarea
                ref={reasonField}
                value={reason}
                maxLength={1000}
                rows={3}
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
          )}
          <button
            type="button"
            className="primary"
            onClick={() => void confirm()}
            disabled={busy}
            aria-keyshortcuts="Enter"
          >
            Confirm and next (Enter)
          </button>
          <p role="alert" className="error-text moderation-problem">
            {problem}
          </p>
          <ExposurePanel />
        </aside>
      </div>
      {showKeys && (
        <ModerationShortcuts
          categories={categories}
          hotkeys={hotkeys}
          onClose={() => {
            setShowKeys(false);
            root.current?.focus({ preventScroll: true });
          }}
        />
      )}
    </div>
  );
}
