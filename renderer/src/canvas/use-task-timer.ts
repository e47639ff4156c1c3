import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";

/** After this long without a key or pointer event the timer pauses: away is not work. */
const IDLE_AFTER_MS = 60_000;
const TICK_MS = 1_000;

/** The task's clock: a ref savers read, and a subscription only the timer's text listens to. */
export interface TaskTimer {
  readonly elapsedRef: React.RefObject<number>;
  readonly touch: () => void;
  readonly subscribe: (listener: () => void) => () => void;
}

/**
 * Time spent on the task, counted while the page is visible and the labeller is active. The
 * tick re-renders nothing but the timer's own text (useElapsed): a view that re-rendered every
 * second would redraw the canvas every second with nothing changed.
 */
export function useTaskTimer(startMs: number): TaskTimer {
  const elapsedRef = useRef(startMs);
  const lastActivity = useRef(0);
  const timer = useMemo(() => {
    const listeners = new Set<() => void>();
    return {
      listeners,
      value: {
        elapsedRef,
        touch: () => (lastActivity.current = performance.now()),
        subscribe: (listener: () => void) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
    };
  }, []);

  useEffect(() => {
    let last = performance.now();
    lastActivity.current = last;
    const interval = setInterval(() => {
      const now = performance.now();
      const active = document.visibilityState === "visible" && now - lastActivity.current < IDLE_AFTER_MS;
      if (active) elapsedRef.current += now - last;
      last = now;
      for (const listener of timer.listeners) listener();
    }, TICK_MS);
    return () => clearInterval(interval);
  }, [timer]);

  return timer.value;
}

/** The elapsed time, re-rendering the calling component once a second (whole seconds only). */
export function useElapsed(timer: TaskTimer): number {
  return useSyncExternalStore(timer.subscribe, () => Math.floor((timer.elapsedRef.current ?? 0) / 1000) * 1000);
}
