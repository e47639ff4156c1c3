export { exportCoco, cocoImageTargets, COCO_PATH } from "./coco-exporter";
export { exportYolo, flipIndex, yoloImageTargets, yoloTasks, YOLO_KINDS, YOLO_TASKS } from "./yolo-exporter";
export type { YoloTask } from "./yolo-exporter";
export { exportVoc, vocImageTargets } from "./voc-exporter";
export { exportCvat, cvatImageTargets } from "./cvat-exporter";
export { imageExtension, omittedKinds, uniqueFileNames, uniqueStems } from "./export-model";
export type { ExportFile, ExportImage, ExportInput, ImageTarget } from "./export-model";
