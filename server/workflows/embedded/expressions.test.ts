import { describe, expect, it } from "vitest";
import { evaluateKey, matches } from "./expressions";

describe("CEL expressions", () => {
  const ctx = { event: { data: { k: "A", n: 3 } }, async: { data: { k: "A", n: 3, tags: ["x"] } } };

  it("evaluates what the SDK emits", () => {
    expect(matches("event.data.k == async.data.k", ctx)).toBe(true);
    expect(matches("event.data.n == async.data.n && 'x' in async.data.tags", ctx)).toBe(true);
    expect(matches("async.data.k == 'B'", ctx)).toBe(false);
    expect(matches(null, ctx)).toBe(true);
  });

  it("treats a missing key as no match", () => {
    expect(matches("async.data.missing == 'A'", ctx)).toBe(false);
  });

  it("evaluates keys to strings", () => {
    expect(evaluateKey("event.data.k", ctx)).toBe("A");
    expect(evaluateKey("event.data.nope", ctx)).toBeNull();
  });
});
