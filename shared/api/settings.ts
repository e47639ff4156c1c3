import { isAddress } from "@solana/kit";
import { z } from "zod";
import { call, event } from "./define";

/** Hotkey bindings: action id → key combo such as "ctrl+z" or "shift+arrowleft". */
export const Hotkeys = z.record(z.string().max(64), z.string().max(64));

/**
 * Core sends requests to these URLs, so only the schemes it speaks are accepted: a
 * `javascript:`, `file:` or `data:` URL is refused here rather than failing somewhere deeper.
 */
const HttpUrl = z.url({ protocol: /^https?$/, error: "an http:// or https:// URL" });

/**
 * Canvas habits. Defaults follow Label Studio and CVAT: the wheel zooms at the pointer, and a
 * drag that starts on a selected shape moves it whatever the tool. The other choices keep
 * this app's older behaviour: the wheel scrolls (Ctrl+wheel zooms), a drawing tool always draws.
 */
export const CanvasHabits = z.object({
  wheel: z.enum(["zoom", "scroll"]),
  dragSelected: z.enum(["move", "draw"]),
});
export type CanvasHabits = z.infer<typeof CanvasHabits>;
export const DEFAULT_CANVAS_HABITS: CanvasHabits = { wheel: "zoom", dragSelected: "move" };

export const Settings = z.object({
  theme: z.enum(["dark", "light"]),
  rpcUrl: HttpUrl,
  /** The Amplify program id on that cluster (where it was deployed; the localnet's by default). */
  programAddress: z
    .string()
    .trim()
    .refine(
      (value: string): boolean => isAddress(value),
      "The program address is not a Solana address (base58, 32 bytes).",
    ),
  blobGateways: z.array(HttpUrl).max(8),
  prefetchCount: z.number().int().min(0).max(32),
  autoLockMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  hotkeys: Hotkeys,
  /** Campaigns whose instructions this worker has been shown (newest last): later tasks open without them. */
  instructionsSeen: z.array(z.string().max(64)).max(500).optional(),
  /** Canvas habits (absent: DEFAULT_CANVAS_HABITS). */
  canvas: CanvasHabits.partial().optional(),
  /** Moderation: remind the worker to take a break after this many minutes (0 or absent: off). */
  moderationBreakMinutes: z.number().int().min(0).max(240).optional(),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const settingsCalls = {
  "settings:get": call(z.undefined(), Settings),
  "settings:update": call(SettingsPatch, Settings),
};

export const settingsEvents = {
  "settings:changed": event(Settings),
};
