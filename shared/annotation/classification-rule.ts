import type { AnnotationDocument } from "./document";

/** What a worker reads when they submit a classification with no class chosen. */
export const NO_CLASS_CHOSEN =
  "Choose a class for this image before submitting: this campaign does not accept “none of these”.";

/** Whether a campaign of this label kind asks workers for image classes ("class", "classes-single", "boxes+classes"). */
export function asksForClasses(labelKind: string | null | undefined): boolean {
  return (labelKind ?? "").toLowerCase().includes("class");
}

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
  if (!asksForClasses(labelKind) || noneOfThese === true || doc.classes.length > 0) return null;
  return NO_CLASS_CHOSEN;
}
