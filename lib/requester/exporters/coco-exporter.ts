// COCO detection JSON: boxes as bbox, polygons as segmentation (with their bbox and area).
// Whole-image classes have no COCO field; they go in each image's "attributes".
import { polygonArea, shapeBounds, type ExportFile, type ExportInput } from "./export-model";

export function exportCoco(input: ExportInput): ExportFile[] {
  const categoryId = new Map(input.labels.map((l, i) => [l.id, i + 1]));
  let annotationId = 1;
  const annotations = input.images.flatMap((img) =>
    img.shapes.map((s) => {
      const b = shapeBounds(s);
      return {
        id: annotationId++,
        image_id: img.index + 1,
        category_id: categoryId.get(s.label) ?? 0,
        bbox: [b.x, b.y, b.w, b.h],
        area: s.kind === "polygon" ? polygonArea(s.points) : b.w * b.h,
        segmentation: s.kind === "polygon" ? [s.points] : [],
        iscrowd: 0,
      };
    }),
  );
  const coco = {
    info: { description: input.title, version: "1.0", year: new Date().getUTCFullYear(), contributor: "Amplify", date_created: new Date().toISOString() },
    licenses: [],
    images: input.images.map((img) => ({
      id: img.index + 1,
      file_name: img.fileName,
      width: img.width,
      height: img.height,
      ...(img.classes.length > 0 ? { attributes: { classes: img.classes.map((c) => input.labels.find((l) => l.id === c)?.name ?? c) } } : {}),
    })),
    annotations,
    categories: input.labels.map((l, i) => ({ id: i + 1, name: l.name, supercategory: "" })),
  };
  return [{ path: "annotations.json", contents: JSON.stringify(coco, null, 1) }];
}
