export { exportCoco } from "./cocoExporter";
export { exportYolo } from "./yoloExporter";
export { exportVoc } from "./vocExporter";
export type { ExportFile, ExportImage, ExportInput } from "./exportModel";
