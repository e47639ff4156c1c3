import { initialLabRoute } from "./lab/lab-route";

export const LAB_ROUTE_REQUESTED = initialLabRoute !== null;

export function LabView() {
  return <section aria-label="Canvas lab">Canvas lab</section>;
}
