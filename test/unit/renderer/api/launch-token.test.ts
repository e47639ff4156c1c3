import { describe, expect, it } from "vitest";
import { launchTokenIn, withoutLaunchToken } from "../../../../renderer/src/api/launch-token";

describe("the browser shell's launch token in the URL fragment", () => {
  it("is found alone or beside a route", () => {
    expect(launchTokenIn("#token=abc_-1")).toBe("abc_-1");
    expect(launchTokenIn("#/lab?scene=street&token=xyz")).toBe("xyz");
    expect(launchTokenIn("#/lab?token=xyz&scene=street")).toBe("xyz");
    expect(launchTokenIn("#/lab?scene=street")).toBeNull();
    expect(launchTokenIn("")).toBeNull();
  });

  it("leaves the address bar without touching the route", () => {
    expect(withoutLaunchToken("#token=abc")).toBe("");
    expect(withoutLaunchToken("#/lab?scene=street&shapes=10&token=xyz")).toBe("#/lab?scene=street&shapes=10");
    expect(withoutLaunchToken("#/lab?token=xyz&scene=street")).toBe("#/lab?scene=street");
    expect(withoutLaunchToken("#/lab?token=xyz")).toBe("#/lab");
    expect(withoutLaunchToken("#/lab?scene=street")).toBe("#/lab?scene=street");
  });

  it("never keeps any part of the token", () => {
    const hash = withoutLaunchToken("#/lab?scene=a&token=SECRETsecret_-9&size=512");
    expect(hash).not.toContain("SECRET");
    expect(hash).toBe("#/lab?scene=a&size=512");
  });
});
