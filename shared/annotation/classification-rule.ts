import type { AnnotationDocument } from "./document";

/** What a worker reads when they submit a classification with no class chosen. */
export const NO_CLASS_CHOSEN =
  "Choose a class for this image before submitting: this campaign does not accept “none of these”.";

/**
 * Whether a result may be submitted as it is, for a campaign of this label kind: a campaign that
 * asks for image classes ("class", "classes-single", "boxes+classes") needs at least one chosen,
 * unless its requester allows "none of these". Returns the sentence that says why not, or null.
 * Core refuses with it; the page says it before asking.
 */
export function classificationProblem(
  doc: Pick<AnnotationDocument, "classes">,
  labelKind: string | null | undefined,
  noneOfThese: boolean | undefined,
): string | null {
  const asksForClasses = (labelKind ?? "").toLowerCase().includes("class");
  if (!asksForClasses || noneOfThese === true || doc.classes.length > 0) return null;
  return NO_CLASS_CHOSEN;
}
