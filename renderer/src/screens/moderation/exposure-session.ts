import { useSyncExternalStore } from "react";

/**
 * The worker's exposure this session (since the app was opened): items judged, images revealed,
 * and when the last break was. In memory only; it resets with the app, as a session does.
 */
export interface ExposureSession {
  readonly startedAt: number;
  readonly items: number;
  readonly imagesRevealed: number;
  readonly lastBreakAt: number;
}

let state: ExposureSession = { startedAt: Date.now(), items: 0, imagesRevealed: 0, lastBreakAt: Date.now() };
const listeners = new Set<() => void>();

function set(next: ExposureSession): void {
  state = next;
  for (const l of listeners) l();
}

export const exposure = {
  get: (): ExposureSession => state,
  judged(): void {
    set({ ...state, items: state.items + 1 });
  },
  revealed(): void {
    set({ ...state, imagesRevealed: state.imagesRevealed + 1 });
  },
  tookBreak(): void {
    set({ ...state, lastBreakAt: Date.now() });
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useExposure(): ExposureSession {
  return useSyncExternalStore(exposure.subscribe, exposure.get);
}
