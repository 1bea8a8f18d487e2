import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderLiquid } from "./liquid";
import { addEmailTracking, trackingUrls } from "./track-links";
import { renderTrackedHtml, splitAtLinks } from "./tracked-html";

const MESSAGE = "2b1f7c3e-9a41-4d8e-8f65-0c3d2a1b9e77";
const urls = () => trackingUrls(MESSAGE, "https://parcours.test");
const regexPath = (source: string, scope: Record<string, unknown>) => addEmailTracking(renderLiquid(source, scope, "html"), urls());

const arbValue = fc.oneof(fc.constantFrom("https://shop.test/a?b=1&c=2", "mailto:x@y.test", "Ada", ' "quoted" ', "<b>", "", "https://t.test/{{x}}", " href=", "</body>"), fc.string({ maxLength: 6 }));
const arbScope = fc.record({ profile: fc.record({ name: arbValue, url: arbValue }), context: fc.record({ link: arbValue }) });
const arbTag = fc.constantFrom("{{ profile.name }}", "{{profile.url}}", "{{ context.link }}", '{{ profile.name | default: "there" }}', "{{ unsubscribe_url }}", "{{ profile.missing | default: 'x' }}");
const arbChunk = fc.oneof(
  arbTag,
  fc.constantFrom("<p>Hi ", "</p>", "<a href=\"https://static.test/x?a=1&amp;b=2\">", "<a class='btn' href='", "'>", '<A HREF="', '">', "</a>", "<a href=\"#top\">", "<a href=\"mailto:a@b.test\">", "<body>", "</body>", "</html>", " & ", "\n", "<a title=\"", '" href="https://t.test/', "<img src=\"https://img.test/1.png\">"),
);
const arbHtml = fc.array(arbChunk, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));

describe("renderTrackedHtml", () => {
  it("gives what the regex rewrite of the rendered email gives, on any template and data", () => {
    let split = 0;
    fc.assert(
      fc.property(arbHtml, arbScope, (source, scope) => {
        const withUnsubscribe = { ...scope, unsubscribe_url: urls().unsubscribe };
        if (splitAtLinks(source)) split++;
        expect(renderTrackedHtml(source, withUnsubscribe, urls())).toBe(regexPath(source, withUnsubscribe));
      }),
      { numRuns: 3000, seed: 7 },
    );
    expect(split).toBeGreaterThan(1000); // the split path itself was exercised
  });

  it("tracks each http(s) link, leaves mailto, anchors and the unsubscribe link, and adds the pixel before </body>", () => {
    const source = '<body><a href="https://shop.test/{{ profile.sku }}">Buy</a> <a href="mailto:a@b.test">Mail</a> <a href="{{ unsubscribe_url }}">Unsubscribe</a></body>';
    const u = urls();
    const html = renderTrackedHtml(source, { profile: { sku: "p1" }, unsubscribe_url: u.unsubscribe }, u);
    expect(html).toContain(`href="${u.click("https://shop.test/p1")}"`);
    expect(html).toContain('href="mailto:a@b.test"');
    expect(html).toContain(`href="${u.unsubscribe}"`);
    expect(html.indexOf(u.open)).toBeLessThan(html.indexOf("</body>"));
  });

  it("declines templates whose merge tags could move a link", () => {
    expect(splitAtLinks('<a title="{{ profile.name }}" href="https://x.test">x</a>')).toBeNull();
    expect(splitAtLinks('<a href="{{ profile.url | default: "https://x.test" }}">x</a>')).toBeNull();
    expect(splitAtLinks("{% if profile.vip %}<a href=\"https://x.test\">x</a>{% endif %}")).toBeNull();
    expect(splitAtLinks("<a href=\"https://x.test/{{ profile.id }}\">{{ profile.name | default: '>' }}</a>")).toBeNull();
    expect(splitAtLinks('<a href="https://x.test/{{ profile.id }}">{{ profile.name }}</a>')).toHaveLength(4);
  });
});
