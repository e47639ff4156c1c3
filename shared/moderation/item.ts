import { z } from "zod";
import { MAX_TEXT_ITEM_BYTES } from "./policy";

/**
 * A text item as stored in the blob store: canonical JSON, never bare text, so that no text can
 * ever be mistaken for an image by its first bytes (a post starting "BM" would sniff as a bitmap).
 * Image items are stored as the image file itself.
 */
export const TextItemBlob = z.object({
  kind: z.literal("text"),
  text: z.string().max(MAX_TEXT_ITEM_BYTES),
});
export type TextItemBlob = z.infer<typeof TextItemBlob>;

/** What the worker's app is handed for one item. */
export const ModerationItem = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("image") }),
  z.object({ kind: z.literal("text"), text: z.string().max(MAX_TEXT_ITEM_BYTES) }),
]);
export type ModerationItem = z.infer<typeof ModerationItem>;

/** UTF-8 byte length, without TextEncoder allocations for the common short case. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
