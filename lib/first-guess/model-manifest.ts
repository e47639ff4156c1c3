import { z } from "zod";

/** A file name inside the model folder: no separators, no "..", so a manifest cannot reach out. */
const FileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, "a plain file name inside the model folder");

/**
 * manifest.json of a model folder. It is untrusted input (anyone can drop a folder into the
 * data directory), so every field is checked and every file it names carries its sha256.
 */
export const ModelManifest = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
    version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$/),
    /** How outputs are read: a tfjs graph whose output is [1, N, 6] = x1, y1, x2, y2, score, class. */
    format: z.literal("tfjs-graph-detections"),
    /** The graph's model.json; its weight shards must be listed in `files` too. */
    graph: FileName,
    output: z.string().min(1).max(128),
    /** Square side the image is resized to; output coordinates are in this space. */
    inputSize: z.number().int().min(32).max(2048),
    classes: z.array(z.string().min(1).max(128)).min(1).max(10_000),
    licence: z.string().min(1).max(2000),
    files: z.record(FileName, z.string().regex(/^[0-9a-f]{64}$/, "a lowercase hex sha256")),
  })
  .refine((m) => Object.prototype.hasOwnProperty.call(m.files, m.graph), {
    message: "the graph file must be listed in files",
  });
export type ModelManifest = z.infer<typeof ModelManifest>;

export const modelId = (manifest: Pick<ModelManifest, "name" | "version">): string =>
  `${manifest.name}@${manifest.version}`;
