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
