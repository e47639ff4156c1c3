import { useEffect, useRef, useState } from "react";

/** After this long without a key or pointer event the timer pauses: away is not work. */
const IDLE_AFTER_MS = 60_000;
const TICK_MS = 1_000;

/**
 * Time spent on the task, counted while the page is visible and the labeller is active.
 * Returns the live value for display and a ref that savers read without re-rendering.
 */
export function useTaskTimer(startMs: number): { elapsedMs: number; elapsedRef: React.RefObject<number>; touch: () => void } {
  const elapsedRef = useRef(startMs);
  const lastActivity = useRef(0);
  const [elapsedMs, setElapsedMs] = useState(startMs);

  useEffect(() => {
    let last = performance.now();
    lastActivity.current = last;
    const timer = setInterval(() => {
      const now = performance.now();
      const active = document.visibilityState === "visible" && now - lastActivity.current < IDLE_AFTER_MS;
      if (active) elapsedRef.current += now - last;
      last = now;
      setElapsedMs(elapsedRef.current);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, []);

  return { elapsedMs, elapsedRef, touch: () => (lastActivity.current = performance.now()) };
}
