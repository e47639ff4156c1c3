import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "../../../../electron/security/content-security-policy";
import {
  APP_ENTRY_URL,
  allowNavigation,
  allowPermission,
  allowWebview,
  isTrustedSender,
  windowOpenPolicy,
} from "../../../../electron/security";

describe("web policies", () => {
  it("deny every navigation, new window, webview and permission", () => {
    for (const url of ["https://example.com", "file:///etc/passwd", APP_ENTRY_URL, "javascript:alert(1)"]) {
      expect(allowNavigation(url)).toBe(false);
      expect(windowOpenPolicy({ url })).toEqual({ action: "deny" });
    }
    for (const permission of ["media", "notifications", "geolocation", "clipboard-read", "openExternal", "hid"]) {
      expect(allowPermission(permission)).toBe(false);
    }
    expect(allowWebview()).toBe(false);
  });

  it("trust only our own top-level frame", () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: "app://amplify/index.html#/lab", isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: "app://evil/index.html", isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: "https://amplify/index.html", isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: "file:///index.html", isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: "not a url", isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe("content security policy", () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );

  it("runs only our own scripts: no inline, no eval, nothing remote", () => {
    expect(directives.get("default-src")).toEqual(["'none'"]);
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
  });

  it("is sent as a header with nosniff", () => {
    expect(SECURITY_HEADERS["Content-Security-Policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS["X-Content-Type-Options"]).toBe("nosniff");
  });
});
