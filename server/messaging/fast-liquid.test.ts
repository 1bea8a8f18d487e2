import fc from "fast-check";
import { Liquid } from "liquidjs";
import { describe, expect, it } from "vitest";
import { compileFast, renderFast } from "./fast-liquid";

const engines = { html: new Liquid({ strictFilters: true, outputEscape: "escape" }), text: new Liquid({ strictFilters: true }) };

const arbScalar = fc.oneof(fc.string({ maxLength: 8, unit: fc.constantFrom("a", "Z", " ", "&", "<", ">", '"', "'", "é", "0") }), fc.integer({ min: -5, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.boolean(), fc.constant(null), fc.constant(""));
const arbScope = fc.record({ profile: fc.dictionary(fc.constantFrom("firstName", "city", "age", "vip", "zero"), arbScalar), context: fc.dictionary(fc.constantFrom("code", "url"), arbScalar) });
const arbTag = fc.oneof(
  fc.constantFrom("profile.firstName", "profile.city", "profile.age", "profile.vip", "profile.zero", "context.code", "context.url", "profile.missing", "nothing.at.all", "profile.firstName.deeper"),
).chain((path) => fc.oneof(fc.constant(`{{ ${path} }}`), fc.constant(`{{${path}}}`), fc.constantFrom("there", "", "A&B", "it's").map((d) => (d.includes("'") ? `{{ ${path} | default: "${d}" }}` : `{{ ${path} | default: '${d}' }}`))));
const arbTemplate = fc.array(fc.oneof(arbTag, fc.constantFrom("Hi ", "<p>", "</p>", " & ", "\n", "{ not a tag }")), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(""));

describe("fast Liquid path", () => {
  it("renders exactly what liquidjs renders, in HTML and text mode", () => {
    fc.assert(
      fc.property(arbTemplate, arbScope, fc.boolean(), (source, scope, html) => {
        const parts = compileFast(source);
        expect(parts).not.toBeNull();
        const fast = renderFast(parts!, scope, html);
        if (fast === null) return; // declined: liquidjs renders it
        expect(fast).toBe(engines[html ? "html" : "text"].parseAndRenderSync(source, scope));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it("declines what it does not implement", () => {
    expect(compileFast("{% if profile.vip %}VIP{% endif %}")).toBeNull();
    expect(compileFast("{{ profile.firstName | upcase }}")).toBeNull();
    expect(compileFast("{{- profile.firstName -}}")).toBeNull();
    expect(renderFast(compileFast("{{ profile.tags }}")!, { profile: { tags: ["a", "b"] } }, false)).toBeNull();
    expect(renderFast(compileFast("{{ profile.name.size }}")!, { profile: { name: "Ada" } }, false)).toBeNull();
  });
});
