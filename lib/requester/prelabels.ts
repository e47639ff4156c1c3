// `campaign create --prelabels FILE`: shapes from a COCO, YOLO, VOC or CVAT file become the
// first guesses workers start from (the metadata's preLabels, by task index; workers see them as
// a model's guesses to accept or correct). The file's images are matched to the campaign's by
// file name, else by stem; labels by name. Anything that does not fit refuses the whole file
// before the campaign is posted, so nothing is half-created.
import path from "node:path";
import type { Label, Shape } from "../../shared/annotation";
import { RequesterError } from "../chain";
import type { ImageInfo } from "./images";
import { uniqueStems } from "./exporters";
import { ImportError, bindDataset, filesFromDisk, readDataset } from "./importers";

/** What a model-made guess says about a prelabel: it came from the requester's file. */
export const PRELABEL_SOURCE = { kind: "model", model: "prelabels" } as const;

export function readPrelabels(
  file: string,
  images: ReadonlyArray<ImageInfo & { name: string }>,
  labels: readonly Label[],
): Record<string, Shape[]> {
  const stem = (n: string) => path.basename(n).replace(/\.[^.]+$/, "");
  const byName = new Map(images.map((img, i) => [img.name, i]));
  const stems = new Map<string, number | null>();
  images.forEach((img, i) => stems.set(stem(img.name), stems.has(stem(img.name)) ? null : i));
  // Our own exports name an image whose stem another image shares `<stem>_2` (uniqueStems).
  const exported = new Map(uniqueStems(images.map((img) => ({ fileName: img.name }))).map((s, i) => [s, i]));
  const byStem = (s: string): number | undefined => stems.get(s) ?? exported.get(s) ?? undefined;
  const indexOf = (fileName: string): number | undefined =>
    byName.get(path.basename(fileName)) ?? byStem(stem(fileName));
  try {
    const dataset = readDataset(filesFromDisk(file), (s) => {
      const i = byStem(s);
      const img = i === undefined ? undefined : images[i];
      return img ? { fileName: img.name, width: img.width, height: img.height } : undefined;
    });
    const bound = bindDataset(dataset, labels, PRELABEL_SOURCE);
    const out: Record<string, Shape[]> = {};
    const strangers: string[] = [];
    for (const img of bound) {
      if (img.shapes.length === 0) continue;
      const index = indexOf(img.fileName);
      const known = index === undefined ? undefined : images[index];
      if (index === undefined || !known) {
        strangers.push(img.fileName);
        continue;
      }
      if ((img.width && img.width !== known.width) || (img.height && img.height !== known.height))
        throw new RequesterError(
          `The prelabels give ${img.fileName} as ${img.width}×${img.height} pixels, but the image is ${known.width}×${known.height}; nothing was posted.`,
        );
      out[String(index)] = [...(out[String(index)] ?? []), ...img.shapes];
    }
    if (strangers.length > 0)
      throw new RequesterError(
        `The prelabels name ${strangers.length} image${strangers.length === 1 ? "" : "s"} the image folder does not hold (${strangers.slice(0, 3).join(", ")}${strangers.length > 3 ? ", …" : ""}); nothing was posted.`,
      );
    return out;
  } catch (e) {
    if (e instanceof ImportError) throw new RequesterError(`${file}: ${e.message}`);
    throw e;
  }
}
