import { afterEach, describe, expect, it, vi } from "vitest";
import { assertSameOrigin } from "./same-origin";

const post = (headers: Record<string, string>, method = "POST") => new Request("http://127.0.0.1:3100/api/csv-imports", { method, headers: { host: "127.0.0.1:3100", ...headers } });
const refused = (req: Request) => {
  try {
    assertSameOrigin(req);
    return false;
  } catch (error) {
    expect(error).toMatchObject({ code: "FORBIDDEN" });
    return true;
  }
};

describe("cross-origin requests to cookie-authenticated routes", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("refuses a POST from another origin, even another port of the same host", () => {
    expect(refused(post({ origin: "http://127.0.0.1:3451", "content-type": "text/plain" }))).toBe(true);
    expect(refused(post({ origin: "https://evil.example" }))).toBe(true);
    expect(refused(post({ origin: "null" }))).toBe(true);
    expect(refused(post({ "sec-fetch-site": "same-site", origin: "http://127.0.0.1:3451" }))).toBe(true);
    expect(refused(post({ "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(refused(post({ origin: "http://127.0.0.1:3451" }, "DELETE"))).toBe(true);
  });

  it("lets the app's own pages through", () => {
    expect(refused(post({ origin: "http://127.0.0.1:3100", "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(refused(post({ origin: "http://127.0.0.1:3100" }))).toBe(false);
    expect(refused(post({ "sec-fetch-site": "same-origin" }))).toBe(false);
  });

  it("lets reads and programs without browser headers through", () => {
    expect(refused(post({ origin: "https://evil.example" }, "GET"))).toBe(false);
    expect(refused(post({}))).toBe(false);
  });

  it("accepts the configured public origin, and a trusted proxy's forwarded host", () => {
    vi.stubEnv("PARCOURS_PUBLIC_URL", "https://parcours.example.com");
    expect(refused(post({ origin: "https://parcours.example.com" }))).toBe(false);
    const proxied = { host: "10.0.0.5:3000", "x-forwarded-host": "app.example.org", origin: "https://app.example.org" };
    expect(refused(post(proxied))).toBe(true);
    vi.stubEnv("PARCOURS_TRUST_PROXY", "1");
    expect(refused(post(proxied))).toBe(false);
  });
});
