export {
  ANNOTATION_SCHEMA_VERSION,
  AnnotationDocument,
  documentProblems,
  emptyDocument,
  migrateDocument,
} from "./document";
export type { AnnotationDocumentInput } from "./document";
export {
  AttributeSpec,
  AttributeValue,
  Id,
  Label,
  SHAPE_KINDS,
  ShapeKind,
  Skeleton,
  attributeProblem,
  defaultAttributes,
} from "./label";
export {
  BoxShape,
  EllipseShape,
  KeypointsShape,
  MaskShape,
  PointsShape,
  PolygonShape,
  PolylineShape,
  RotatedBoxShape,
  Shape,
  ShapeSource,
} from "./shapes";
export type { VertexShape } from "./shapes";
export {
  countsToString,
  cropBits,
  decodeCounts,
  decodeMask,
  encodeCounts,
  encodeMask,
  maskArea,
  maskBitsBounds,
  stringToCounts,
} from "./mask-rle";
export type { MaskBits } from "./mask-rle";
export { canonicalJson } from "./canonical-json";
export { areaOutline, placedKeypoints, shapeBox } from "./shape-box";
export {
  angleTowards,
  ellipseBounds,
  ellipsePolygon,
  fromLocal,
  hitEllipse,
  hitRotatedBox,
  normalizeAngle,
  rotatedBoxBounds,
  rotatedBoxCorners,
  rotationHandle,
  toLocal,
} from "./rotated-geometry";
export { imageRleToCrop, maskToImageRle } from "./image-rle";
export { NO_CLASS_CHOSEN, asksForClasses, classificationProblem } from "./classification-rule";
export { traceOuterContour } from "./mask-contour";
