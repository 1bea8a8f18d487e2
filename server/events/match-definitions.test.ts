import { describe, expect, it } from "vitest";
import { matchDefinition } from "./match-definitions";
import { PURCHASE_EVENT } from "./purchase-event";

const purchase = { id: "d1", ...PURCHASE_EVENT };

describe("event definitions", () => {
  it("matches a track call by name and condition", () => {
    const props = { product: "Shoes", purchaseId: "p1", purchaseMessage: "thank you", purchaseDate: "2026-05-01" };
    expect(matchDefinition([purchase], "purchase", props)).toEqual({ definition: purchase });
    expect(matchDefinition([purchase], "purchase", { ...props, purchaseMessage: "hello" })).toBeNull();
    expect(matchDefinition([purchase], "Order Completed", props)).toBeNull();
  });

  it("a missing key in the condition is no match, not an error", () => {
    expect(matchDefinition([purchase], "purchase", { product: "Shoes" })).toBeNull();
  });

  it("names the field that breaks the definition's types", () => {
    expect(matchDefinition([purchase], "purchase", { product: 3, purchaseId: "p", purchaseMessage: "thank you" })).toEqual({
      error: { path: "properties.product", message: 'must be a string for the event "purchase"' },
    });
    expect(matchDefinition([purchase], "purchase", { product: "x", purchaseMessage: "thank you" })).toMatchObject({ error: { path: "properties.purchaseId" } });
    expect(matchDefinition([purchase], "purchase", { product: "x", purchaseId: "p", purchaseMessage: "thank you", purchaseDate: "soon" })).toMatchObject({
      error: { path: "properties.purchaseDate" },
    });
  });

  it("a definition without condition takes every call of its track name", () => {
    expect(matchDefinition([{ ...purchase, condition: null, fields: [] }], "purchase", {})).toMatchObject({ definition: { id: "d1" } });
  });
});
