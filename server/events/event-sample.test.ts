import { describe, expect, it } from "vitest";
import { matchDefinition } from "./match-definitions";
import { PURCHASE_EVENT } from "./purchase-event";
import { mismatchReason, requiredValues, samplePayload } from "./event-sample";

const purchase = { id: "d1", ...PURCHASE_EVENT };

describe("business event samples", () => {
  it("reads the equalities a condition requires", () => {
    expect(requiredValues('purchaseMessage == "thank you"')).toEqual({ purchaseMessage: "thank you" });
    expect(requiredValues("properties.plan == 'pro' && seats == 3 && trial == false")).toEqual({ plan: "pro", seats: 3, trial: false });
    expect(requiredValues('a == "x" || b == "y"')).toEqual({});
    expect(requiredValues(null)).toEqual({});
  });

  it("prefills a payload that is the business event", () => {
    const payload = samplePayload(purchase, new Date("2026-01-02T03:04:05Z"));
    expect(payload).toMatchObject({ purchaseMessage: "thank you", purchaseDate: "2026-01-02", product: "Test product" });
    expect(matchDefinition([purchase], "purchase", payload)).toEqual({ definition: purchase });
  });

  it("says why an event is not the business event", () => {
    expect(mismatchReason(purchase, {})).toBe('stored, but not a "purchase": purchaseMessage must equal "thank you" (it is missing)');
    expect(mismatchReason(purchase, { purchaseMessage: "thanks" })).toBe('stored, but not a "purchase": purchaseMessage must equal "thank you" (it is "thanks")');
    expect(mismatchReason({ ...purchase, condition: "size(product) > 3" }, { product: "a" })).toBe('stored, but not a "purchase": its condition size(product) > 3 does not hold');
  });
});
