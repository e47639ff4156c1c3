export { exportCoco, COCO_PATH } from "./coco-exporter";
export { exportYolo, yoloTasks, YOLO_KINDS, YOLO_TASKS } from "./yolo-exporter";
export type { YoloTask } from "./yolo-exporter";
export { exportVoc } from "./voc-exporter";
export { exportCvat } from "./cvat-exporter";
export { omittedKinds, uniqueStems } from "./export-model";
export type { ExportFile, ExportImage, ExportInput } from "./export-model";
