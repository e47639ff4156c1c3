import { z } from "zod";
import { call, event } from "./define";

/** Hotkey bindings: action id → key combo such as "ctrl+z" or "shift+arrowleft". */
export const Hotkeys = z.record(z.string().max(64), z.string().max(64));

export const Settings = z.object({
  theme: z.enum(["dark", "light"]),
  rpcUrl: z.url(),
  blobGateways: z.array(z.url()).max(8),
  prefetchCount: z.number().int().min(0).max(32),
  autoLockMinutes: z.number().int().min(1).max(24 * 60),
  hotkeys: Hotkeys,
  /** Campaigns whose instructions this worker has been shown (newest last): later tasks open without them. */
  instructionsSeen: z.array(z.string().max(64)).max(500).optional(),
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
