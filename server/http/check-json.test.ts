import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { checkJsonValue, checkParsedJson, MAX_JSON_DEPTH, unstorableIn } from "./check-json";

function problemOf(value: unknown, strings = true): { path?: string; message: string } | null {
  try {
    checkJsonValue(value, { strings });
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { path: error.field, message: error.message };
  }
}

const nested = (depth: number): unknown => {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
};

describe("unstorableIn", () => {
  it("finds U+0000 and unpaired surrogates, and lets pairs through", () => {
    expect(unstorableIn("a\u0000b")).toMatch(/NUL/);
    expect(unstorableIn("\ud800")).toMatch(/U\+D800/);
    expect(unstorableIn("x\udc00")).toMatch(/U\+DC00/);
    expect(unstorableIn("\udbff\ud800")).toMatch(/U\+DBFF/);
    expect(unstorableIn("ok \u{1f600} \u00e9")).toBeNull();
  });
});

describe("checkJsonValue", () => {
  it("names the path of the first string or key PostgreSQL cannot store", () => {
    expect(problemOf({ batch: [{ event: "ok" }, { properties: { name: "a\u0000" } }] })).toMatchObject({ path: "batch.1.properties.name" });
    expect(problemOf({ traits: { "bad\u0000key": 1 } })).toEqual({ path: "traits.bad\\u0000key", message: "traits.bad\\u0000key: the key must not contain the NUL character (U+0000)" });
    expect(problemOf({ context: ["\ud800"] })).toMatchObject({ path: "context.0" });
    expect(problemOf("\u0000")).toMatchObject({ path: "body" });
    expect(problemOf({ a: [new Date(), 1n, null, true, "\u{1f600}"] })).toBeNull();
  });

  it("refuses nesting past the limit without recursion, and accepts it up to the limit", () => {
    expect(problemOf(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(problemOf(nested(MAX_JSON_DEPTH + 1))?.message).toMatch(/nested deeper than 64 levels/);
    expect(problemOf(nested(200_000), false)?.message).toMatch(/nested deeper/);
  });

  it("checks strings of parsed JSON only when the text holds a suspicious escape", () => {
    expect(() => checkParsedJson({ a: "\u0000" }, '{"a":"\\u0000"}')).toThrow(AppError);
    expect(() => checkParsedJson({ a: "\ud800" }, '{"a":"\\uD800"}')).toThrow(AppError);
    // A pair passes the scan's second look.
    expect(() => checkParsedJson({ a: "\u{1f600}" }, '{"a":"\\ud83d\\ude00"}')).not.toThrow();
  });
});
