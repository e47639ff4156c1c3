export { exportCoco } from "./coco-exporter";
export { exportYolo } from "./yolo-exporter";
export { exportVoc } from "./voc-exporter";
export type { ExportFile, ExportImage, ExportInput } from "./export-model";
