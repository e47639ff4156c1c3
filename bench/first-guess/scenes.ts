import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

export const PHOTOS_DIR = join(import.meta.dirname, "../../assets/demo/photos");

const GroundTruth = z.object({
  labels: z.array(z.string()),
  scenes: z.array(
    z.object({
      file: z.string(),
      width: z.number().int(),
      height: z.number().int(),
      boxes: z.array(z.object({ label: z.string(), x: z.number(), y: z.number(), w: z.number(), h: z.number() })),
    }),
  ),
});
export type GroundTruth = z.infer<typeof GroundTruth>;
export type Scene = GroundTruth["scenes"][number];
export type GtBox = Scene["boxes"][number];

/** The demo photos and their hand-checked boxes (assets/demo/photos/ground-truth.json). */
export function loadScenes(): GroundTruth {
  return GroundTruth.parse(JSON.parse(readFileSync(join(PHOTOS_DIR, "ground-truth.json"), "utf8")));
}

export const photoBytes = (scene: Scene): Uint8Array => new Uint8Array(readFileSync(join(PHOTOS_DIR, scene.file)));
