export {
  ANNOTATION_SCHEMA_VERSION,
  AnnotationDocument,
  BoxShape,
  Label,
  PolygonShape,
  Shape,
  ShapeSource,
  emptyDocument,
} from "./document";
export { canonicalJson } from "./canonical-json";
export { NO_CLASS_CHOSEN, classificationProblem } from "./classification-rule";
