import { withoutLaunchToken } from "../../api/launch-token";

/**
 * The Canvas lab is reachable by URL: `#/lab?scene=street&shapes=10000&size=8192`.
 * The route may arrive with the browser shell's launch token beside it, which is ignored.
 */
export interface LabRoute {
  readonly scene: string;
  readonly shapes: number;
  readonly size: number;
  readonly prelabels: boolean;
  /** "all": every shape kind, a Person skeleton and Car attributes (kinds=all); else boxes and polygons. */
  readonly kinds: "basic" | "all";
}

const LAB_HASH = /^#\/lab(?:\?(.*))?$/;

export function parseLabRoute(hash: string): LabRoute | null {
  const match = LAB_HASH.exec(hash);
  if (!match) return null;
  const params = new URLSearchParams(match[1] ?? "");
  const int = (name: string, fallback: number, min: number, max: number) => {
    const value = Number(params.get(name) ?? fallback);
    return Number.isInteger(value) ? Math.min(max, Math.max(min, value)) : fallback;
  };
  return {
    scene: /^[a-z0-9-]{1,32}$/.test(params.get("scene") ?? "") ? (params.get("scene") as string) : "street",
    shapes: int("shapes", 0, 0, 50_000),
    size: int("size", 2048, 256, 16_384),
    prelabels: params.get("prelabels") !== "0",
    kinds: params.get("kinds") === "all" ? "all" : "basic",
  };
}

export function labRouteHash(route: LabRoute): string {
  const params = new URLSearchParams({ scene: route.scene, shapes: String(route.shapes), size: String(route.size) });
  if (!route.prelabels) params.set("prelabels", "0");
  if (route.kinds === "all") params.set("kinds", "all");
  return `#/lab?${params.toString()}`;
}

export const initialLabRoute: LabRoute | null = parseLabRoute(withoutLaunchToken(window.location.hash));
