import { useCallback, useEffect, useRef, useState } from "react";
import type { FirstGuessResult, FirstGuessStatus, OpenedTask } from "../../../../shared/api";
import { getApi } from "../../api";
import type { Editor } from "../../canvas/editor/editor";
import { rejectAllGuesses, showGuesses } from "../../canvas/editor/guesses";
import { useCoreEvent } from "../../state/use-core-event";
import { errorMessage } from "../../ui/format";

export type GuessPhase = "off" | "waiting" | "shown" | "none" | "kept" | "failed";

export interface FirstGuessView {
  readonly enabled: boolean;
  readonly phase: GuessPhase;
  /** The detector thread's state, so "waiting" can say "loading model…". */
  readonly model: FirstGuessStatus["state"] | null;
  /** Model folders core refused (bad manifest, a file whose sha256 does not match), with why. */
  readonly refused: FirstGuessStatus["refused"];
  readonly shown: number;
  readonly modelId: string | null;
  readonly error: string | null;
  /** From the canvas (with its image) on screen to the guesses on it (printed by e2e). */
  readonly msAfterImage: number | null;
  /** From the image decoded (before the canvas mounts) to the guesses on the canvas. */
  readonly msAfterDecode: number | null;
  /** How long core took to answer the request, round trip included. */
  readonly msRequest: number | null;
  toggle(): void;
}

/**
 * The task's first guesses: asks core for them (core started on them when the task was
 * opened, so this usually joins work under way) and puts them on the canvas when they come.
 * Nothing here waits: the canvas is the labeller's from the first frame, guesses or not.
 */
export function useFirstGuesses(task: OpenedTask, editor: Editor | null, decodedAt: number): FirstGuessView {
  const [enabled, setEnabled] = useState(task.firstGuess?.enabled ?? false);
  const [phase, setPhase] = useState<GuessPhase>(enabled ? "waiting" : "off");
  const [result, setResult] = useState<{ shown: number; modelId: string; ms: number; msDecoded: number } | null>(null);
  // The editor arrives in the effect after the canvas first mounts: that is "the image on screen".
  const [canvasAt, setCanvasAt] = useState<number | null>(null);
  useEffect(() => {
    if (editor) setCanvasAt(performance.now());
  }, [editor]);
  const [error, setError] = useState<string | null>(null);
  // The last status event wins; until one comes, the status asked for on mount.
  const [initial, setInitial] = useState<FirstGuessStatus | null>(null);
  const status = useCoreEvent("guesses:changed", null) ?? initial;

  useEffect(() => {
    let cancelled = false;
    getApi()
      .guesses.status()
      .then(
        (s) => !cancelled && setInitial(s),
        () => {},
      );
    return () => {
      cancelled = true;
    };
  }, []);

  // Asked for as soon as the task is open, not when the canvas is up, so the round trip overlaps
  // the first paint; a prefetched task usually brings its guesses with it and asks nothing.
  const [answer, setAnswer] = useState<FirstGuessResult | null>(null);
  const [msRequest, setMsRequest] = useState<number | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    setPhase("waiting");
    setError(null);
    const { meta, labels, firstGuess } = task;
    if (firstGuess?.guesses) {
      // Made while the task was prefetched: they came with the image.
      setMsRequest(0);
      setAnswer(firstGuess.guesses);
      return;
    }
    const asked = performance.now();
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
          setMsRequest(Math.round(performance.now() - asked));
          setAnswer(guesses);
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
  }, [enabled, task]);

  // A task reopened from its draft after its guesses were shown (this session, e.g. with A/D)
  // stays as the worker left it: guesses they rejected do not come back. Switching first
  // guesses on by hand always shows them.
  const switchedOn = useRef(false);
  useEffect(() => {
    if (!enabled || !editor || !answer || canvasAt === null) return;
    const seen = `amplify.firstGuesses.shown.${task.meta.id}`;
    if (task.draft && !switchedOn.current && sessionStorage.getItem(seen)) {
      setPhase("kept");
      setAnswer(null);
      return;
    }
    const shown = showGuesses(editor, answer.shapes);
    if (shown > 0) sessionStorage.setItem(seen, "1");
    const now = performance.now();
    setResult({ shown, modelId: answer.model, ms: now - canvasAt, msDecoded: now - decodedAt });
    setPhase(shown > 0 ? "shown" : "none");
    setAnswer(null);
  }, [enabled, editor, answer, canvasAt, decodedAt, task]);

  const toggle = useCallback(() => {
    const next = !enabled;
    switchedOn.current = next;
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
    refused: status?.refused ?? [],
    shown: result?.shown ?? 0,
    modelId: result?.modelId ?? null,
    error,
    msAfterImage: result ? Math.round(result.ms) : null,
    msAfterDecode: result ? Math.round(result.msDecoded) : null,
    msRequest,
    toggle,
  };
}
