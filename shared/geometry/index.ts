export type { Point, Rect, Size } from "./rect";
export { boxIoU } from "./box-iou";
export { polygonArea, polygonBounds, pointInPolygon, signedPolygonArea } from "./flat-polygon";
export type { FlatPoints } from "./flat-polygon";
