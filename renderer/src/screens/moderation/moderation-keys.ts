type Hotkeys = Readonly<Record<string, string>>;
import { normalizeCombo } from "../../canvas/hotkeys/hotkeys";

/**
 * The moderation view's character-key shortcuts (WCAG 2.1.4): each can be rebound or turned
 * off, saved in settings.hotkeys under its id ("off" turns it off). Enter (confirm) and Space
 * (hold to reveal) are not character keys and stay.
 */
export interface ModerationKey {
  readonly id: "moderation.reason" | "moderation.skip" | "moderation.help";
  readonly title: string;
  readonly binding: string;
}

export const MODERATION_KEYS: readonly ModerationKey[] = [
  { id: "moderation.reason", title: "Write a reason (Enter in the box confirms, Esc leaves it)", binding: "r" },
  { id: "moderation.skip", title: "Skip to the next item without deciding", binding: "s" },
  { id: "moderation.help", title: "This reference", binding: "?" },
];

export const DIGITS_SETTING = "moderation.digits";
export const OFF = "off";

export interface ModerationBindings {
  /** Action id → its key, or null when turned off. */
  readonly keys: Readonly<Record<ModerationKey["id"], string | null>>;
  /** Whether 1–9 choose categories. */
  readonly digits: boolean;
}

export function moderationBindings(hotkeys: Hotkeys): ModerationBindings {
  const keys = Object.fromEntries(
    MODERATION_KEYS.map((k) => {
      const saved = hotkeys[k.id];
      if (saved === OFF) return [k.id, null];
      return [k.id, (saved && normalizeCombo(saved)) || k.binding];
    }),
  ) as Record<ModerationKey["id"], string | null>;
  return { keys, digits: hotkeys[DIGITS_SETTING] !== OFF };
}

/** Why `combo` cannot be `id`'s key here (it clashes with another key of this view), or null. */
export function moderationKeyProblem(
  bindings: ModerationBindings,
  id: ModerationKey["id"],
  combo: string,
): string | null {
  if (combo === "enter" || combo === "space" || combo === "escape" || combo === "tab" || combo === "shift+tab")
    return "Enter, Space, Escape and Tab keep their meaning here.";
  if (/^[1-9]$/.test(combo) && bindings.digits)
    return "1–9 choose categories; turn that off first, or pick another key.";
  const other = MODERATION_KEYS.find((k) => k.id !== id && bindings.keys[k.id] === combo);
  return other ? `That key already does “${other.title}”.` : null;
}
