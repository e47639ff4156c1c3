/**
 * The browser shell hands its per-launch token in the URL fragment (`#token=…`, or appended
 * to a route as `#/lab?scene=x&token=…`). These split it from the rest of the fragment, so
 * the token leaves the address bar while the route stays.
 */
const TOKEN_PARAM = /([#?&])token=([A-Za-z0-9_-]+)&?/;

export function launchTokenIn(hash: string): string | null {
  return TOKEN_PARAM.exec(hash)?.[2] ?? null;
}

/** The fragment without the token: `#token=x` → "", `#/lab?a=1&token=x` → `#/lab?a=1`. */
export function withoutLaunchToken(hash: string): string {
  const rest = hash.replace(TOKEN_PARAM, "$1").replace(/[?&]$/, "");
  return rest === "#" ? "" : rest;
}
