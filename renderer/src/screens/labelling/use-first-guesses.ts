import { useCallback, useEffect, useState } from "react";
import type { FirstGuessStatus, OpenedTask } from "../../../../shared/api";
import { getApi } from "../../api";
import type { Editor } from "../../canvas/editor/editor";
import { rejectAllGuesses, showGuesses } from "../../canvas/editor/guesses";
import { useCoreEvent } from "../../state/use-core-event";
import { errorMessage } from "../../ui/format";

export type GuessPhase = "off" | "waiting" | "shown" | "none" | "failed";

export interface FirstGuessView {
  readonly enabled: boolean;
  readonly phase: GuessPhase;
  /** The detector thread's state, so "waiting" can say "loading model…". */
  readonly model: FirstGuessStatus["state"] | null;
  readonly shown: number;
  readonly modelId: string | null;
  readonly error: string | null;
  /** From the image on screen to the guesses on the canvas (printed by e2e, shown in the bar). */
  readonly msAfterImage: number | null;
  toggle(): void;
}

/**
 * The task's first guesses: asks core for them (core started on them when the task was
 * opened, so this usually joins work under way) and puts them on the canvas when they come.
 * Nothing here waits: the canvas is the labeller's from the first frame, guesses or not.
 */
export function useFirstGuesses(task: OpenedTask, editor: Editor | null, imageShownAt: number): FirstGuessView {
  const [enabled, setEnabled] = useState(task.firstGuess?.enabled ?? false);
  const [phase, setPhase] = useState<GuessPhase>(enabled ? "waiting" : "off");
  const [result, setResult] = useState<{ shown: number; modelId: string; ms: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [initial, setInitial] = useState<FirstGuessStatus | null>(null);
  const status = useCoreEvent("guesses:changed", initial);

  useEffect(() => {
    let cancelled = false;
    getApi().guesses.status().then((s) => !cancelled && setInitial(s), () => {});
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (!enabled || !editor) return;
    let cancelled = false;
    setPhase("waiting");
    setError(null);
    const { meta, labels, firstGuess } = task;
    getApi()
      .guesses.suggest({
        taskId: meta.id,
        campaignId: meta.campaign,
        labels,
        priority: "current",
        ...(firstGuess?.mapping ? { mapping: firstGuess.mapping } : {}),
        ...(firstGuess?.model ? { modelHash: firstGuess.model } : {}),
      })
      .then(
        (guesses) => {
          if (cancelled) return;
          const shown = showGuesses(editor, guesses.shapes);
          setResult({ shown, modelId: guesses.model, ms: performance.now() - imageShownAt });
          setPhase(shown > 0 ? "shown" : "none");
        },
        (e: unknown) => {
          if (cancelled) return;
          setError(errorMessage(e));
          setPhase("failed");
        },
      );
    return () => {
      cancelled = true;
    };
  }, [enabled, editor, task, imageShownAt]);

  const toggle = useCallback(() => {
    const next = !enabled;
    setEnabled(next);
    if (!next) {
      setPhase("off");
      // Turning them off takes the untouched guesses away (one undo step brings them back).
      if (editor) rejectAllGuesses(editor);
    }
    getApi()
      .guesses.setEnabled({ campaignId: task.meta.campaign, enabled: next })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [enabled, editor, task]);

  return {
    enabled,
    phase,
    model: status?.state ?? null,
    shown: result?.shown ?? 0,
    modelId: result?.modelId ?? null,
    error,
    msAfterImage: result ? Math.round(result.ms) : null,
    toggle,
  };
}
