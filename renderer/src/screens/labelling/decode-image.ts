import type { LabelImage } from "./LabelView";

/** Decodes task bytes in the renderer's memory; nothing is written anywhere. */
export async function decodeTaskImage(bytes: Uint8Array, mime: string): Promise<LabelImage> {
  const copy = new Uint8Array(bytes); // detach from the transport's buffer before handing it to a Blob
  const bitmap = await createImageBitmap(new Blob([copy], { type: mime }));
  return { source: bitmap, width: bitmap.width, height: bitmap.height };
}
