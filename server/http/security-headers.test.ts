import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { securityHeaders } from "./security-headers";

const asMap = (rules: { headers: { key: string; value: string }[] }[]) => new Map(rules.flatMap((r) => r.headers.map((h) => [h.key, h.value] as const)));

describe("security headers", () => {
  it("next.config.ts sends them on every path", async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const all = rules.find((r) => r.source === "/:path*" && !r.has);
    const headers = asMap(all ? [all] : []);
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("X-Frame-Options")).toBe("DENY");
    expect(headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("Permissions-Policy")).toMatch(/camera=\(\)/);
    const csp = headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toMatch(/script-src 'self' 'unsafe-inline'(;|$| 'unsafe-eval')/);
  });

  it("production allows no eval and no script from other origins", () => {
    const csp = asMap(securityHeaders({ NODE_ENV: "production" })).get("Content-Security-Policy")!;
    const scripts = csp.split("; ").find((d) => d.startsWith("script-src"));
    expect(scripts).toBe("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self';");
  });

  it("sends HSTS on every response when the public URL is https, else only to requests a proxy marks https", () => {
    const https = securityHeaders({ NODE_ENV: "production", PARCOURS_PUBLIC_URL: "https://parcours.example.com" });
    expect(asMap(https).get("Strict-Transport-Security")).toBe("max-age=31536000");
    expect(https.every((r) => !r.has)).toBe(true);
    const http = securityHeaders({ NODE_ENV: "production", PARCOURS_PUBLIC_URL: "http://127.0.0.1:3100" });
    expect(asMap(http.filter((r) => !r.has)).has("Strict-Transport-Security")).toBe(false);
    expect(http.find((r) => r.has)).toMatchObject({ has: [{ key: "x-forwarded-proto", value: "https" }], headers: [{ key: "Strict-Transport-Security" }] });
  });
});
