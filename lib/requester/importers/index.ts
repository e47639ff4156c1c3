// Importing annotations (COCO, YOLO, Pascal VOC, CVAT for images 1.1) — as prelabels for a
// campaign or to check an export round-trips. Read a dataset, then bind it to the campaign's
// labels; either step refuses a bad file with a sentence and imports nothing.
import type { DatasetFiles } from "./dataset-files";
import { importCoco } from "./coco-importer";
import { importCvat } from "./cvat-importer";
import { ImportError, type ImportedDataset } from "./import-model";
import { importVoc } from "./voc-importer";
import { CLASSIFY_IMAGE, importYolo, type ImageSize } from "./yolo-importer";

export const IMPORT_FORMATS = ["coco", "yolo", "voc", "cvat"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Which format a file or folder holds, from its layout. */
export function detectFormat(files: DatasetFiles): ImportFormat {
  const paths = files.paths();
  if (paths.some((p) => /^([^/]+\/)?data\.ya?ml$/.test(p))) return "yolo";
  if (paths.some((p) => /^Annotations\/[^/]+\.xml$/.test(p))) return "voc";
  if (paths.some((p) => /^annotations\/instances_[^/]+\.json$/.test(p))) return "coco";
  const top = paths.filter((p) => !p.includes("/"));
  if (top.includes("annotations.xml")) return "cvat";
  if (paths.some((p) => CLASSIFY_IMAGE.test(p))) return "yolo";
  if (top.length === 1 && top[0]?.endsWith(".json")) return "coco";
  if (top.length === 1 && top[0]?.endsWith(".xml")) return "cvat";
  throw new ImportError(
    "Cannot tell the format: expected a COCO .json (or annotations/instances_*.json), a CVAT annotations.xml, a YOLO folder with data.yaml (or train/<class>/<image> folders), or a VOC folder with Annotations/.",
  );
}

export function readDataset(
  files: DatasetFiles,
  sizeOf: (stem: string) => ImageSize | undefined,
  format: ImportFormat = detectFormat(files),
): ImportedDataset {
  switch (format) {
    case "coco":
      return importCoco(files);
    case "yolo":
      return importYolo(files, sizeOf);
    case "voc":
      return importVoc(files);
    case "cvat":
      return importCvat(files);
  }
}

export { bindDataset } from "./bind-labels";
export type { BoundImage } from "./bind-labels";
export { filesFromDisk, filesFromExport, IMPORT_LIMITS } from "./dataset-files";
export type { DatasetFiles } from "./dataset-files";
export { ImportError } from "./import-model";
export type { ImportedDataset, ImportedImage, ImportedLabel, ImportedShape } from "./import-model";
export type { ImageSize } from "./yolo-importer";
