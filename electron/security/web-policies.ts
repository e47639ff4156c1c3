import { APP_ORIGIN } from "./app-origin";

/**
 * Policies for everything a page might try beyond its own origin. Pure functions; main.ts wires
 * them to Electron's events, and tests assert them directly.
 */

/** The app is one page; any navigation (a dropped file, a link, a redirect) is refused. */
export function allowNavigation(_targetUrl: string): false {
  return false;
}

/** No new windows, ever. External links are not opened either: labelled data stays in the app. */
export function windowOpenPolicy(_details: { url: string }): { action: "deny" } {
  return { action: "deny" };
}

/** Camera, microphone, notifications, geolocation, HID...: the labeller needs none. */
export function allowPermission(_permission: string): false {
  return false;
}

/** No <webview>: it would be a second renderer outside our CSP and preload. */
export function allowWebview(): false {
  return false;
}

/**
 * IPC is answered only for our own top-level page. A frame from any other origin (an injected
 * iframe, a navigation that slipped through) gets nothing.
 */
export function isTrustedSender(frame: { url: string; isMainFrame: boolean } | null | undefined): boolean {
  if (!frame || !frame.isMainFrame) return false;
  try {
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}
