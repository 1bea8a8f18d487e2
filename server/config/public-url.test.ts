import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as unsubscribeLink } from "@/app/t/u/[token]/route";
import { publicUrl, publicUrlOf, redirectTo } from "./public-url";

afterEach(() => vi.unstubAllEnvs());

const token = "AbC-12_x.sig_Nature-0";

describe("the public address", () => {
  it("sends /t/u/<token> to the unsubscribe page on PARCOURS_PUBLIC_URL, not on the request's internal host", async () => {
    vi.stubEnv("PARCOURS_PUBLIC_URL", "https://mail.example.com/");
    const res = await unsubscribeLink(new Request(`http://localhost:3400/t/u/${token}`, { headers: { host: "localhost:3400" } }), { params: Promise.resolve({ token }) });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`https://mail.example.com/unsubscribe/${token}`);
  });

  it("keeps a path prefix, and falls back to AUTH_URL then the local server", () => {
    vi.stubEnv("PARCOURS_PUBLIC_URL", "https://example.com/parcours/");
    expect(publicUrlOf("/unsubscribe/x")).toBe("https://example.com/parcours/unsubscribe/x");
    vi.stubEnv("PARCOURS_PUBLIC_URL", "");
    vi.stubEnv("AUTH_URL", "https://auth.example.com");
    expect(publicUrl()).toBe("https://auth.example.com");
    vi.stubEnv("AUTH_URL", "");
    vi.stubEnv("PORT", "3999");
    expect(publicUrl()).toBe("http://localhost:3999");
  });

  it("refuses a public address that is not an http(s) URL, and redirects that are neither app paths nor http(s)", () => {
    vi.stubEnv("PARCOURS_PUBLIC_URL", "mail.example.com");
    expect(() => publicUrl()).toThrow(/PARCOURS_PUBLIC_URL must be an absolute http\(s\) URL/);
    vi.stubEnv("PARCOURS_PUBLIC_URL", "javascript://x");
    expect(() => publicUrl()).toThrow(/must start with https:\/\/ or http:\/\//);
    vi.stubEnv("PARCOURS_PUBLIC_URL", "https://mail.example.com");
    expect(() => redirectTo("//evil.example/x")).toThrow(/one "\/"/);
    expect(() => redirectTo("javascript:alert(1)")).toThrow(/Refusing to redirect/);
    expect(redirectTo("https://shop.example/sale", 302).headers.get("location")).toBe("https://shop.example/sale");
  });

  it("is the only way app/ builds a redirect response", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
    const root = path.resolve(__dirname, "../../app");
    const offenders = files(root).filter((f) => /(NextResponse|Response)\.redirect\(|new URL\([^)]*,\s*req(uest)?\.url\)|\blocation:/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });
});
