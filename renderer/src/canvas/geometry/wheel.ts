import type { CanvasHabits } from "../../../../shared/api";

/** The wheel event's fields that decide what it does. */
export interface WheelInput {
  readonly deltaX: number;
  readonly deltaY: number;
  /** 0 pixels, 1 lines, 2 pages (WheelEvent.DOM_DELTA_*). */
  readonly deltaMode: number;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

export type WheelAction = { readonly zoom: number } | { readonly pan: { readonly dx: number; readonly dy: number } };

/**
 * One mouse notch (100 px in Chromium) zooms by this much, like Label Studio and CVAT
 * (1.1–1.25×); a bigger delta in one event (fast wheels, line or page mode) never zooms more,
 * so two notches cannot jump 293 % → 720 %. Trackpads send small deltas and zoom smoothly.
 */
export const WHEEL_NOTCH_ZOOM = 1.2;
const NOTCH_PX = 100;
const LINE_PX = 33;

function pixels(delta: number, mode: number, pageSize: number): number {
  return mode === 1 ? delta * LINE_PX : mode === 2 ? delta * pageSize : delta;
}

/**
 * What a wheel event does. `zoom` habit: the wheel (and Ctrl+wheel, which is also a trackpad
 * pinch) zooms at the pointer and Shift+wheel pans. `scroll` habit: the wheel pans and
 * Ctrl/Cmd+wheel zooms, with the same bounded step.
 */
export function wheelAction(e: WheelInput, habit: CanvasHabits["wheel"], pageSize = 800): WheelAction {
  const dx = pixels(e.deltaX, e.deltaMode, pageSize);
  const dy = pixels(e.deltaY, e.deltaMode, pageSize);
  const zooms = habit === "zoom" ? !e.shiftKey : e.ctrlKey || e.metaKey;
  if (!zooms) return { pan: { dx: -dx, dy: -dy } };
  const step = Math.log(WHEEL_NOTCH_ZOOM);
  const exponent = Math.max(-step, Math.min(step, (-dy / NOTCH_PX) * step));
  return { zoom: Math.exp(exponent) };
}
