// COCO detection JSON (ours or any tool's): bbox → box; polygon segmentation → polygon (one per
// part); RLE segmentation (compressed or not) → mask over its tight crop; keypoints → skeleton
// (the category's joint names); our "amplify" extra → the exact polyline, points, rotated box or
// ellipse. Annotation attributes become shape attributes; image "attributes.classes" image classes.
import { z } from "zod";
import type { Shape } from "../../../shared/annotation";
import { imageRleToCrop, stringToCounts } from "../../../shared/annotation";
import type { DatasetFiles } from "./dataset-files";
import { ImportError, type ImportedDataset, type ImportedImage, type ImportedShape } from "./import-model";

const num = z.number().finite();
const Rle = z.object({
  size: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  counts: z.union([z.string().max(64_000_000), z.array(z.number().int().nonnegative()).max(64_000_000)]),
});
const Extra = z.discriminatedUnion("kind", [
  z.object({ kind: z.enum(["polyline", "points"]), points: z.array(num).max(200_000) }),
  z.object({ kind: z.literal("rotated-box"), cx: num, cy: num, w: num, h: num, angle: num }),
  z.object({ kind: z.literal("ellipse"), cx: num, cy: num, rx: num, ry: num, angle: num }),
]);
const Coco = z.object({
  images: z
    .array(
      z.object({
        id: z.number().int(),
        file_name: z.string().min(1).max(1024),
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        attributes: z
          .object({ classes: z.array(z.string()).max(1000).optional() })
          .partial()
          .optional(),
      }),
    )
    .max(1_000_000),
  categories: z
    .array(
      z.object({
        id: z.number().int(),
        name: z.string().min(1).max(128),
        keypoints: z.array(z.string().max(64)).max(64).optional(),
        skeleton: z
          .array(z.tuple([z.number().int(), z.number().int()]))
          .max(256)
          .optional(),
      }),
    )
    .max(1000),
  annotations: z
    .array(
      z.object({
        image_id: z.number().int(),
        category_id: z.number().int(),
        bbox: z.tuple([num, num, num, num]).optional(),
        segmentation: z.union([z.array(z.array(num).max(400_000)).max(1000), Rle]).optional(),
        keypoints: z
          .array(num)
          .max(64 * 3)
          .optional(),
        attributes: z.record(z.string(), z.unknown()).optional(),
        amplify: Extra.optional(),
      }),
    )
    .max(10_000_000),
});

function attributeText(attrs: Record<string, unknown> | undefined, drop: string[]): Array<[string, string]> {
  return Object.entries(attrs ?? {})
    .filter(([k]) => !drop.includes(k))
    .map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]);
}

export function cocoFiles(files: DatasetFiles): string[] {
  const all = files.paths();
  const subsets = all.filter((p) => /^annotations\/instances_[^/]+\.json$/.test(p)).sort();
  if (subsets.length > 0) return subsets;
  return all.filter((p) => !p.includes("/") && p.endsWith(".json"));
}

export function importCoco(files: DatasetFiles): ImportedDataset {
  const paths = cocoFiles(files);
  if (paths.length === 0)
    throw new ImportError("No COCO file: expected annotations/instances_<subset>.json or a .json file.");
  const images: ImportedImage[] = [];
  const labels = new Map<string, ImportedDataset["labels"][number]>();
  for (const p of paths) {
    let raw: unknown;
    try {
      raw = JSON.parse(files.text(p) ?? "");
    } catch {
      throw new ImportError(`${p} is not JSON.`);
    }
    const parsed = Coco.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ImportError(
        `${p} is not COCO: ${issue?.path.join(".") || "the file"}: ${issue?.message ?? "invalid"}.`,
      );
    }
    const coco = parsed.data;
    const cats = new Map(coco.categories.map((c) => [c.id, c]));
    for (const c of coco.categories)
      labels.set(c.name, {
        name: c.name,
        ...(c.keypoints
          ? {
              skeleton: {
                joints: c.keypoints,
                edges: (c.skeleton ?? []).map(([a, b]) => [a - 1, b - 1] as [number, number]),
              },
            }
          : {}),
      });
    const byId = new Map<number, ImportedImage>();
    for (const img of coco.images) {
      const entry: ImportedImage = {
        fileName: img.file_name,
        width: img.width,
        height: img.height,
        shapes: [],
        classes: img.attributes?.classes ?? [],
      };
      byId.set(img.id, entry);
      images.push(entry);
    }
    coco.annotations.forEach((a, n) => {
      const where = `${p}, annotation ${n + 1}`;
      const img = byId.get(a.image_id);
      if (!img) throw new ImportError(`${where}: no image has id ${a.image_id}.`);
      const cat = cats.get(a.category_id);
      if (!cat) throw new ImportError(`${where}: no category has id ${a.category_id}.`);
      const base = { id: `coco-${n + 1}`, label: cat.name };
      const x = a.amplify;
      const drop = x && (x.kind === "rotated-box" || x.kind === "ellipse") ? ["rotation"] : [];
      const attributes = attributeText(a.attributes, drop);
      const push = (shape: Shape, extra: Partial<ImportedShape> = {}) =>
        img.shapes.push({ shape, attributes, ...extra });
      if (x) {
        push({ ...base, ...x } as Shape);
      } else if (a.keypoints && a.keypoints.length > 0) {
        if (a.keypoints.length % 3 !== 0) throw new ImportError(`${where}: keypoints must be x, y, v triples.`);
        const points: number[] = [];
        const visibility: Array<0 | 1 | 2> = [];
        for (let i = 0; i < a.keypoints.length; i += 3) {
          const v = a.keypoints[i + 2];
          if (v !== 0 && v !== 1 && v !== 2)
            throw new ImportError(`${where}: a keypoint's visibility must be 0, 1 or 2.`);
          points.push(v === 0 ? 0 : (a.keypoints[i] as number), v === 0 ? 0 : (a.keypoints[i + 1] as number));
          visibility.push(v);
        }
        push({ ...base, kind: "keypoints", points, visibility }, cat.keypoints ? { jointNames: cat.keypoints } : {});
      } else if (a.segmentation && !Array.isArray(a.segmentation)) {
        const [h, w] = a.segmentation.size;
        if (h !== img.height || w !== img.width)
          throw new ImportError(`${where}: the mask is ${w}×${h}, its image ${img.width}×${img.height}.`);
        const c = a.segmentation.counts;
        let crop;
        try {
          crop = imageRleToCrop(typeof c === "string" ? stringToCounts(c) : c, w, h);
        } catch (e) {
          throw new ImportError(`${where}: ${e instanceof Error ? e.message : "unreadable mask"}.`);
        }
        if (crop) push({ ...base, kind: "mask", ...crop });
      } else if (a.segmentation && a.segmentation.length > 0) {
        a.segmentation.forEach((part, i) =>
          push({ ...base, id: `${base.id}-${i + 1}`, kind: "polygon", points: part }),
        );
      } else if (a.bbox) {
        const [bx, by, bw, bh] = a.bbox;
        push({ ...base, kind: "box", x: bx, y: by, w: bw, h: bh });
      } else throw new ImportError(`${where}: it has no bbox, segmentation or keypoints.`);
    });
  }
  return { format: "coco", labels: [...labels.values()], images };
}
