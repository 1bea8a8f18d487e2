import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";

type TResponse = { headers?: Record<string, unknown> };
const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, TResponse> }>> };

describe("the OpenAPI document's rate limits", () => {
  it("documents a 429 with Retry-After and RateLimit headers on every keyed operation, and RateLimit headers on its success", () => {
    const keyed = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([, op]) => !(Array.isArray(op.security) && op.security.length === 0)).map(([method, op]) => ({ at: `${method} ${path}`, op })));
    expect(keyed.length).toBeGreaterThan(10);
    for (const { at, op } of keyed) {
      const limited = op.responses["429"];
      expect(Object.keys(limited?.headers ?? {}), at).toEqual(expect.arrayContaining(["Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]));
      const success = Object.entries(op.responses).find(([status]) => status.startsWith("2"))?.[1];
      expect(Object.keys(success?.headers ?? {}), at).toEqual(expect.arrayContaining(["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]));
    }
  });
});
