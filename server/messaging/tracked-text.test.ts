import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderLiquid, validateLiquid } from "./liquid";
import { trackingUrls } from "./track-links";
import { addTextTracking, renderTrackedText, splitTextAtLinks } from "./tracked-text";

const MESSAGE = "2b1f7c3e-9a41-4d8e-8f65-0c3d2a1b9e77";
const urls = () => trackingUrls(MESSAGE, "https://parcours.test");

const arbValue = fc.oneof(
  fc.constantFrom("https://shop.test/a?b=1&c=2", "see https://x.test/p. now", "Ada", "a b", "", "https://t.test/{{x}}", "http", "s://y.test", "x.", ")", "HTTPS://UP.TEST/Z"),
  fc.string({ maxLength: 6 }),
);
const arbScope = fc.record({ profile: fc.record({ name: arbValue, url: arbValue }), context: fc.record({ link: arbValue }) });
const arbTag = fc.constantFrom("{{ profile.name }}", "{{profile.url}}", "{{ context.link }}", '{{ profile.name | default: "there" }}', "{{ unsubscribe_url }}", "{{ profile.missing | default: 'https://d.test' }}");
const arbChunk = fc.oneof(
  arbTag,
  fc.constantFrom("Hi ", " ", "\n\n", "(", ")", ".", ", ", "https://static.test/x?a=1", "http://plain.test", "https://shop.test/", "?id=", "Shop the sale (", "mailto:a@b.test", "{{", "}}", "\u00a0", "<https://angle.test>"),
);
const isValid = (source: string) => {
  try {
    return Boolean(validateLiquid(source, "text"));
  } catch {
    return false;
  }
};
const arbText = fc.array(arbChunk, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));

describe("renderTrackedText", () => {
  it("gives what tracking the whole rendered text gives, on any template and data", () => {
    let split = 0;
    fc.assert(
      fc.property(arbText, arbScope, (source, scope) => {
        const withUnsubscribe = { ...scope, unsubscribe_url: urls().unsubscribe };
        if (!isValid(source)) return; // refused when content is saved
        if (splitTextAtLinks(source)) split++;
        expect(renderTrackedText(source, withUnsubscribe, urls())).toBe(addTextTracking(renderLiquid(source, withUnsubscribe), urls()));
      }),
      { numRuns: 3000, seed: 11 },
    );
    expect(split).toBeGreaterThan(1000); // the split path itself was exercised
  });

  it("tracks each http(s) URL, literal or personalized, and leaves the unsubscribe link and trailing punctuation", () => {
    const u = urls();
    const source = "Shop the sale (https://shop.test/sale). Your order: https://shop.test/o/{{ context.orderId }}.\nUnsubscribe ({{ unsubscribe_url }})";
    const text = renderTrackedText(source, { context: { orderId: "A-17" }, unsubscribe_url: u.unsubscribe }, u);
    expect(text).toBe(`Shop the sale (${u.click("https://shop.test/sale")}). Your order: ${u.click("https://shop.test/o/A-17")}.\nUnsubscribe (${u.unsubscribe})`);
  });

  it("searches only the stretches that may hold a link, and declines Liquid beyond merge tags", () => {
    const pieces = splitTextAtLinks("Hello {{ profile.name }}, see https://x.test now")!.map((p) => ("text" in p ? p.text : { link: p.link }));
    expect(pieces).toEqual(["Hello ", { link: "{{ profile.name }}," }, " see ", { link: "https://x.test" }, " now"]);
    expect(splitTextAtLinks("{% if profile.vip %}https://x.test{% endif %}")).toBeNull();
  });
});
