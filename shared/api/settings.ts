import { isAddress } from "@solana/kit";
import { z } from "zod";
import { call, event } from "./define";

/** Hotkey bindings: action id → key combo such as "ctrl+z" or "shift+arrowleft". */
export const Hotkeys = z.record(z.string().max(64), z.string().max(64));

/**
 * Core sends requests to these URLs, so only the schemes it speaks are accepted: a
 * `javascript:`, `file:` or `data:` URL is refused here rather than failing somewhere deeper.
 */
const HttpUrl = z.url({
  protocol: /^https?$/,
  error: (issue) =>
    `“${String(issue.input).slice(0, 80)}” is not a web address the app can use: write it with http:// or https://, like http://127.0.0.1:8899.`,
});

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
  blobGateways: z.array(HttpUrl).max(8, "At most 8 blob gateways can be listed."),
  prefetchCount: z
    .number("Give the number of tasks to prepare ahead, from 0 to 32.")
    .int("Tasks prepared ahead is a whole number, from 0 to 32.")
    .min(0, "Tasks prepared ahead is from 0 to 32.")
    .max(32, "At most 32 tasks can be prepared ahead."),
  autoLockMinutes: z
    .number("Give the minutes before the key locks itself, from 1 to 1,440 (a day).")
    .int("The auto-lock time is a whole number of minutes.")
    .min(1, "The key locks itself after at least 1 minute idle.")
    .max(24 * 60, "The key locks itself after at most 1,440 minutes (a day) idle."),
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
