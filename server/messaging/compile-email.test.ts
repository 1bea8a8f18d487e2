import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { STARTER_CONTENT } from "@/server/templates/starter-content";
import { compileEmail, restoreLiquidTags, withoutUnsubscribeLinks } from "./compile-email";
import { renderLiquid } from "./liquid";
import { addEmailTracking, trackingUrls } from "./track-links";

const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });

export const SAMPLE_DOCUMENT = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 1 }, content: [text('Hello {{ profile.firstName | default: "there" }}')] },
    { type: "paragraph", content: [text("Order {{ context.orderId }} is ready & waiting. "), text("Track it", [{ type: "link", attrs: { href: "https://shop.example/track?o={{ context.orderId }}&x=1" } }])] },
    { type: "button", attrs: { href: "https://shop.example/sale" }, content: [text("Shop the sale")] },
    { type: "image", attrs: { src: "https://cdn.example/hero.png", alt: "Hero" } },
  ],
};

describe("compileEmail", () => {
  it("renders the document through react-email with merge tags intact", async () => {
    const email = await compileEmail({ subject: "Hi", preheader: "Just for {{ profile.firstName }}", document: SAMPLE_DOCUMENT });
    expect(email.html).toContain('Hello {{ profile.firstName | default: "there" }}</h1>');
    expect(email.html).toContain('href="https://shop.example/track?o={{ context.orderId }}&amp;x=1"');
    expect(email.html).toMatch(/<a [^>]*href="https:\/\/shop.example\/sale"/);
    expect(email.html).toMatch(/<img [^>]*src="https:\/\/cdn.example\/hero.png"/);
    expect(email.html).toMatch(/display:none[^>]*>Just for \{\{ profile.firstName \}\}/);
    expect(email.text).toContain('Hello {{ profile.firstName | default: "there" }}');
    expect(email.text).toContain("Shop the sale (https://shop.example/sale)");
    expect(email.text).not.toContain("Just for");
  });

  it("personalizes per recipient with Liquid, escaping values, and keeps links trackable", async () => {
    const email = await compileEmail({ subject: "Hi", document: SAMPLE_DOCUMENT });
    const scope = { profile: { firstName: "Ada <3" }, context: { orderId: "A-17" } };
    const html = renderLiquid(email.html, scope, "html");
    expect(html).toContain("Hello Ada &lt;3</h1>");
    expect(html).toContain("Order A-17 is ready &amp; waiting.");
    expect(renderLiquid(email.html, { context: {} }, "html")).toContain("Hello there</h1>");
    expect(renderLiquid(email.text, scope)).toContain("Track it (https://shop.example/track?o=A-17&x=1)");
    const tracked = addEmailTracking(html, trackingUrls("00000000-0000-4000-8000-000000000000", "https://app.example"));
    expect(tracked.match(/href="https:\/\/app.example\/t\/c\//g)).toHaveLength(2);
    expect(tracked).toContain('<img src="https://app.example/t/o/');
  });

  it("keeps the raw HTML fallback and refuses empty or invalid content", async () => {
    expect(await compileEmail({ subject: "s", html: "<p>Hi <a href='https://x.example'>x</a></p>" })).toEqual({ html: "<p>Hi <a href='https://x.example'>x</a></p>", text: "Hi x (https://x.example)" });
    await expect(compileEmail({ subject: "s" })).rejects.toThrow(AppError);
    await expect(compileEmail({ subject: "s", document: { type: "doc", content: [{ type: "nope" }] } })).rejects.toMatchObject({ field: "document" });
  });

  it("decodes entities only inside Liquid tags", () => {
    expect(restoreLiquidTags("a &amp; b {{ x | default: &quot;y&quot; | append: &#x27;z&#x27; }} {% if a &gt; 1 %}&lt;{% endif %}")).toBe(
      `a &amp; b {{ x | default: "y" | append: 'z' }} {% if a > 1 %}&lt;{% endif %}`,
    );
  });

  it("drops the unsubscribe link of a block-editor email for transactional sends, the rest kept", async () => {
    const email = await compileEmail(STARTER_CONTENT.email);
    expect(email.html).toMatch(/href="\{\{ unsubscribe_url \}\}"/);
    const stripped = withoutUnsubscribeLinks(email);
    expect(stripped.html + stripped.text).not.toMatch(/unsubscribe/i);
    expect(stripped.html).toContain("Shop the sale");
    expect(stripped.text).toContain("Track it (https://shop.example/track?order={{ context.orderId }})");
    expect(withoutUnsubscribeLinks(email)).toBe(stripped);
  });
});
