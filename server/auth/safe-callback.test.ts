import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "./safe-callback";

describe("the callback after sign-in stays on this site", () => {
  it.each([
    ["/\\evil"],
    ["/%5Cevil"],
    ["/%5C127.0.0.1:3451/pwned"],
    ["/\\127.0.0.1:3451/pwned"],
    ["//evil"],
    ["/\tevil"],
    ["/\t/evil"],
    ["/%09/evil"],
    ["/%2F%2Fevil"],
    ["/\n/evil"],
    ["https://evil"],
    ["javascript:alert(1)"],
    ["evil"],
    [""],
    [null],
    [["/w/x"]],
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it("keeps a path with its query and fragment", () => {
    expect(safeCallbackPath("/w/x?y=1")).toBe("/w/x?y=1");
    expect(safeCallbackPath("/acme/campaigns?status=draft#top")).toBe("/acme/campaigns?status=draft#top");
    expect(safeCallbackPath("/invite/abc.def")).toBe("/invite/abc.def");
  });

  it("Auth.js redirects stay on the base origin", () => {
    const base = "http://127.0.0.1:3000";
    expect(safeRedirectUrl("/w/x?y=1", base)).toBe("http://127.0.0.1:3000/w/x?y=1");
    expect(safeRedirectUrl("http://127.0.0.1:3000/w/x", base)).toBe("http://127.0.0.1:3000/w/x");
    expect(safeRedirectUrl("/\\127.0.0.1:3451/pwned", base)).toBe("http://127.0.0.1:3000/");
    expect(safeRedirectUrl("http://127.0.0.1:3000/\\evil", base)).toBe("http://127.0.0.1:3000/");
    expect(safeRedirectUrl("http://127.0.0.1:3451/pwned", base)).toBe("http://127.0.0.1:3000/");
    expect(safeRedirectUrl("https://evil.example/x", base)).toBe("http://127.0.0.1:3000/");
    expect(safeRedirectUrl("javascript:alert(1)", base)).toBe("http://127.0.0.1:3000/");
  });
});
