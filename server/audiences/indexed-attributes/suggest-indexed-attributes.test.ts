import { describe, expect, it } from "vitest";
import type { TRuleGroup } from "../rules";
import { suggestIndexedAttributes } from "./suggest-indexed-attributes";

const seed: TRuleGroup = {
  kind: "group",
  combinator: "and",
  rules: [
    { kind: "attribute", key: "city", op: "one_of", values: ["Atlanta", "Seattle"] },
    { kind: "group", combinator: "or", rules: [{ kind: "attribute", key: "birthYear", op: "gt", value: 1980 }, { kind: "attribute", key: "vip", op: "equals", value: true }] },
  ],
};
const other: TRuleGroup = { kind: "group", combinator: "and", rules: [{ kind: "attribute", key: "city", op: "equals", value: "Paris" }, { kind: "attribute", key: "email", op: "exists" }] };

describe("suggesting attributes to index", () => {
  it("counts the saved audiences reading each key as a string or a number, skipping indexed ones", () => {
    expect(suggestIndexedAttributes([seed, other], [])).toEqual([
      { key: "city", type: "string", audiences: 2 },
      { key: "birthYear", type: "number", audiences: 1 },
    ]);
    expect(suggestIndexedAttributes([seed, other], [{ key: "city", type: "string" }])).toEqual([{ key: "birthYear", type: "number", audiences: 1 }]);
  });
});
