// The real-photo demo campaign, built from assets/demo/photos when that folder is present
// (CC0/public-domain photos from Debian's python3-skimage; see its README) and its
// ground-truth.json, whose boxes become gold answers.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Shape } from "../../shared/annotation";

const PHOTOS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "assets", "demo", "photos");

const GroundTruth = z.object({
  labels: z.array(z.string().min(1)).min(1),
  scenes: z.array(
    z.object({
      file: z.string(),
      boxes: z.array(z.object({ label: z.string(), x: z.number(), y: z.number(), w: z.number(), h: z.number() })),
    }),
  ),
});

/**
 * The photo campaign recommends the shipped COCO detector for first guesses, with its classes
 * mapped onto the campaign's labels (here by the same names, spelled out as a requester would).
 */
export const DEMO_PHOTO_MAPPING: Readonly<Record<string, string>> = {
  person: "person",
  cat: "cat",
  dog: "dog",
  cup: "cup",
  spoon: "spoon",
};

/** Writes the photo campaign's folder, labels and gold under `dir`; undefined when no photos ship. */
export function writeDemoPhotoFiles(dir: string): { images: string; labels: string; gold: string } | undefined {
  const truthFile = path.join(PHOTOS_DIR, "ground-truth.json");
  if (!fs.existsSync(truthFile)) return undefined;
  const parsed = GroundTruth.safeParse(JSON.parse(fs.readFileSync(truthFile, "utf8")));
  if (!parsed.success) return undefined;
  const scenes = parsed.data.scenes.filter((s) => fs.existsSync(path.join(PHOTOS_DIR, s.file)));
  if (scenes.length === 0) return undefined;
  const images = path.join(dir, "images");
  fs.mkdirSync(images, { recursive: true });
  const gold: Record<string, { shapes: Shape[]; classes: string[] }> = {};
  for (const s of scenes) {
    const target = path.join(images, s.file);
    if (!fs.existsSync(target)) fs.copyFileSync(path.join(PHOTOS_DIR, s.file), target);
    gold[s.file] = { shapes: s.boxes.map((b, i) => ({ id: `g${i}`, kind: "box", ...b })), classes: [] };
  }
  const labels = path.join(dir, "labels.json");
  fs.writeFileSync(
    labels,
    JSON.stringify({
      title: "Demo: box the objects in real photos (first guesses)",
      instructions:
        "Draw a tight box around every person, cat, dog, cup and spoon. A detector suggests boxes first: fix them, accept them (G) or reject them (Shift+G).",
      tool: "box",
      labels: parsed.data.labels,
    }),
  );
  const goldFile = path.join(dir, "gold.json");
  fs.writeFileSync(goldFile, JSON.stringify(gold));
  return { images, labels, gold: goldFile };
}
