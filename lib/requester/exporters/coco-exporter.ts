// COCO detection JSON at annotations/instances_default.json (the layout pycocotools users and
// Datumaro expect): boxes as bbox; polygons, rotated boxes and ellipses as polygon
// segmentation; masks as compressed RLE over the whole image (iscrowd 0, as pycocotools reads
// it); skeletons as COCO keypoints (x, y, v with v = 0 absent, 1 occluded, 2 visible) with the
// category's joint names and 1-based skeleton edges. Shape attributes go in each annotation's
// "attributes", as CVAT's COCO does (a turned shape's angle as "rotation", as CVAT does too).
// What COCO has no field for — polylines and points (open paths), and the exact centre, size
// and angle of rotated boxes and ellipses — is kept in an extra "amplify" object per annotation
// that COCO readers ignore and our importer reads back. Whole-image classes go in each image's
// "attributes". Skeletons are also written to annotations/person_keypoints_default.json, the
// only file Datumaro reads keypoints from (our importer reads the instances file alone).
import type { Shape } from "../../../shared/annotation";
import { areaOutline, maskArea, maskToImageRle } from "../../../shared/annotation";
import { polygonArea } from "../../../shared/geometry";
import { shapeBounds, uniqueFileNames, type ExportFile, type ExportInput, type ImageTarget } from "./export-model";

function geometry(
  s: Shape,
  width: number,
  height: number,
): { segmentation: unknown; area: number; extra: Record<string, unknown> } {
  if (s.kind === "mask") return { segmentation: maskToImageRle(s, width, height), area: maskArea(s.counts), extra: {} };
  if (s.kind === "keypoints") {
    const keypoints: number[] = [];
    s.visibility.forEach((v, i) =>
      keypoints.push(v === 0 ? 0 : (s.points[2 * i] as number), v === 0 ? 0 : (s.points[2 * i + 1] as number), v),
    );
    const b = shapeBounds(s);
    return {
      segmentation: [],
      area: b.w * b.h,
      extra: { keypoints, num_keypoints: s.visibility.filter((v) => v > 0).length },
    };
  }
  const outline = areaOutline(s);
  if (outline)
    return {
      segmentation: s.kind === "box" ? [] : [outline],
      area: s.kind === "box" ? s.w * s.h : polygonArea(outline),
      extra: {},
    };
  const b = shapeBounds(s);
  return { segmentation: [], area: b.w * b.h, extra: {} };
}

/** The geometry COCO cannot say exactly, for our importer (see the header). */
function extraGeometry(s: Shape): Record<string, unknown> | null {
  if (s.kind === "polyline" || s.kind === "points") return { kind: s.kind, points: s.points };
  if (s.kind === "rotated-box") return { kind: s.kind, cx: s.cx, cy: s.cy, w: s.w, h: s.h, angle: s.angle };
  if (s.kind === "ellipse") return { kind: s.kind, cx: s.cx, cy: s.cy, rx: s.rx, ry: s.ry, angle: s.angle };
  return null;
}

export const COCO_PATH = "annotations/instances_default.json";
export const COCO_KEYPOINTS_PATH = "annotations/person_keypoints_default.json";

/** Images sit in images/<subset>/ under their COCO file_name (Datumaro's and CVAT's COCO layout). */
export function cocoImageTargets(input: ExportInput): ImageTarget[] {
  return uniqueFileNames(input.images).map((name, image) => ({ path: `images/default/${name}`, image }));
}

export function exportCoco(input: ExportInput): ExportFile[] {
  const categoryId = new Map(input.labels.map((l, i) => [l.id, i + 1]));
  let annotationId = 1;
  const annotations = input.images.flatMap((img) =>
    img.shapes.map((s) => {
      const b = shapeBounds(s);
      const g = geometry(s, img.width, img.height);
      const attributes: Record<string, unknown> = { ...s.attributes };
      if (s.kind === "rotated-box" || s.kind === "ellipse") attributes.rotation = s.angle;
      return {
        id: annotationId++,
        image_id: img.index + 1,
        category_id: categoryId.get(s.label) ?? 0,
        bbox: [b.x, b.y, b.w, b.h],
        area: g.area,
        segmentation: g.segmentation,
        iscrowd: 0,
        ...g.extra,
        ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
        ...(extraGeometry(s) ? { amplify: extraGeometry(s) } : {}),
      };
    }),
  );
  const names = uniqueFileNames(input.images);
  const coco = {
    info: {
      description: input.title,
      version: "1.0",
      year: new Date().getUTCFullYear(),
      contributor: "Amplify",
      date_created: new Date().toISOString(),
    },
    licenses: [],
    images: input.images.map((img, i) => ({
      id: img.index + 1,
      file_name: names[i],
      width: img.width,
      height: img.height,
      ...(img.classes.length > 0
        ? { attributes: { classes: img.classes.map((c) => input.labels.find((l) => l.id === c)?.name ?? c) } }
        : {}),
    })),
    annotations,
    categories: input.labels.map((l, i) => ({
      id: i + 1,
      name: l.name,
      supercategory: "",
      ...(l.skeleton
        ? { keypoints: l.skeleton.joints, skeleton: l.skeleton.edges.map(([a, b]) => [a + 1, b + 1]) }
        : {}),
    })),
  };
  const files: ExportFile[] = [{ path: COCO_PATH, contents: JSON.stringify(coco, null, 1) }];
  // Datumaro reads keypoints only from a person_keypoints file (and, given both, imports the
  // instances file): the skeletons again there, same ids, for `datum import -f coco_person_keypoints`.
  const skeletons = annotations.filter((a) => "keypoints" in a);
  if (skeletons.length > 0)
    files.push({
      path: COCO_KEYPOINTS_PATH,
      contents: JSON.stringify({ ...coco, annotations: skeletons }, null, 1),
    });
  return files;
}
