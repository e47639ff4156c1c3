import { useCallback, useEffect, useRef, useState } from "react";
import type { AnnotationDocument } from "../../../shared/annotation";
import type { Editor } from "./editor/editor";
import { errorMessage } from "../ui/format";

export const AUTOSAVE_MS = 5_000;

/**
 * What the bar says before this visit saves anything: a draft brought back from an earlier visit
 * is already saved ("Draft restored from 14:05"); only fresh work is "Not saved yet".
 */
export function initialSaveState(restoredAt: number | undefined, now = Date.now()): string {
  if (restoredAt === undefined) return "Not saved yet";
  const at = new Date(restoredAt);
  const sameDay = new Date(now).toDateString() === at.toDateString();
  const when = sameDay
    ? at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })
    : at.toLocaleString([], { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
  return `Draft restored from ${when}`;
}

/**
 * Saves the draft through the host every few seconds when it changed, on demand, when the
 * page is hidden or closed, and on unmount (the task switch). Saving is separate from undo:
 * it reads the store, never the history.
 */
export function useAutosave(
  editor: Editor,
  elapsedRef: React.RefObject<number>,
  onSave: (doc: AnnotationDocument) => Promise<void>,
  everyMs = AUTOSAVE_MS,
  restoredAt?: number,
) {
  const [state, setState] = useState(() => initialSaveState(restoredAt));
  const [saves, setSaves] = useState(0);
  const savedVersion = useRef(editor.store.version);
  const saver = useRef(onSave);
  useEffect(() => {
    saver.current = onSave;
  }, [onSave]);

  const save = useCallback(
    async (force: boolean): Promise<void> => {
      // a brush stroke still landing in a large mask is part of the work: wait for it
      await editor.settled();
      const version = editor.store.version;
      if (!force && version === savedVersion.current) return;
      setState("Saving…");
      try {
        await saver.current(editor.toDocument(elapsedRef.current));
        savedVersion.current = Math.max(savedVersion.current, version);
        setState(`Saved at ${new Date().toLocaleTimeString()}`);
        setSaves((n) => n + 1);
      } catch (error) {
        setState(`Not saved. ${errorMessage(error)} Your work stays on screen.`);
      }
    },
    [editor, elapsedRef],
  );

  useEffect(() => {
    const timer = setInterval(() => void save(false), everyMs);
    const onHide = () => document.visibilityState === "hidden" && void save(true);
    const onPageHide = () => void save(true);
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onPageHide);
      void save(true); // leaving the task: whatever happens next, this task's work is kept
    };
  }, [save, everyMs]);

  return { saveState: state, saves, save };
}
