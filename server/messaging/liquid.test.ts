import { describe, expect, it } from "vitest";
import { renderLiquid, validateLiquid } from "./liquid";

describe("Liquid personalization", () => {
  it("renders merge tags with defaults, and escapes values in HTML only", () => {
    const source = 'Hi {{ profile.firstName | default: "there" }}, order {{ context.orderId }}';
    expect(renderLiquid(source, { profile: { firstName: "Ada" }, context: { orderId: 42 } })).toBe("Hi Ada, order 42");
    expect(renderLiquid(source, { profile: {}, context: {} })).toBe("Hi there, order ");
    expect(renderLiquid("<p>{{ profile.firstName }}</p>", { profile: { firstName: "<b>Bob</b>" } }, "html")).toBe("<p>&lt;b&gt;Bob&lt;/b&gt;</p>");
    expect(renderLiquid("{{ profile.firstName }}", { profile: { firstName: "<b>Bob</b>" } }, "text")).toBe("<b>Bob</b>");
  });

  it("validates at save: syntax, filters and merge roots, naming the field", () => {
    expect(validateLiquid("{{ event.product }} {{ context.resetUrl }}", "body").variables).toEqual(["event.product", "context.resetUrl"]);
    expect(() => validateLiquid("{{ profil.firstName }}", "subject")).toThrow(/Unknown merge tag root "profil"/);
    expect(() => validateLiquid("{{ profile.firstName | shout }}", "subject")).toThrow(/Liquid error/);
    expect(() => validateLiquid("{% if profile.vip %}yes", "html")).toThrow(/Liquid error/);
    try {
      validateLiquid("{{ nope }}", "subject");
    } catch (error) {
      expect(error).toMatchObject({ code: "BAD_REQUEST", field: "subject" });
    }
  });
});
