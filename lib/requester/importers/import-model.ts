import type { Shape } from "../../../shared/annotation";

/** A shape as a file describes it: its label by name, attributes as name → text. */
export interface ImportedShape {
  /** Geometry in image pixels; `label` holds the label's name (or id) as the file spells it. */
  shape: Shape;
  attributes: Array<[string, string]>;
  /** Attributes a format has a fixed field for (VOC difficult, CVAT occluded): kept only if the label defines them. */
  hints?: Array<[string, string]>;
  /** A skeleton's joint names in the order of its points, when the file names them. */
  jointNames?: string[];
}

export interface ImportedImage {
  fileName: string;
  width?: number;
  height?: number;
  shapes: ImportedShape[];
  /** Whole-image labels, by name. */
  classes: string[];
}

export interface ImportedLabel {
  name: string;
  skeleton?: { joints: string[]; edges: Array<[number, number]> };
}

export interface ImportedDataset {
  format: string;
  labels: ImportedLabel[];
  images: ImportedImage[];
}

/** A file that cannot be imported, with the sentence saying why (nothing was imported). */
export class ImportError extends Error {}

/** The shape a format describes, typed by its kind, with the label still a name. */
export function imported(shape: Shape, attributes: Array<[string, string]> = []): ImportedShape {
  return { shape, attributes };
}

/** Reads a finite number or says which value is not one. */
export function finite(text: string | undefined, what: string, where: string): number {
  const v = Number(text);
  if (text === undefined || text.trim() === "" || !Number.isFinite(v))
    throw new ImportError(
      `${where}: ${what} is ${text === undefined ? "missing" : JSON.stringify(text)}, not a number.`,
    );
  return v;
}
