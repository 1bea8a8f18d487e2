import { describe, expect, it } from "vitest";
import { inlineMarkdownToHtml, markdownToHtml } from "./markdown";

describe("markdownToHtml", () => {
  it("renders code, emphasis and lists", () => {
    expect(markdownToHtml("Send an `Idempotency-Key` header, **once**.")).toBe("<p>Send an <code>Idempotency-Key</code> header, <strong>once</strong>.</p>\n");
    expect(markdownToHtml("- a\n- b")).toContain("<li>a</li>");
    expect(inlineMarkdownToHtml("`{ deleted }` <i>x</i>")).toBe("<code>{ deleted }</code> &lt;i&gt;x&lt;/i&gt;");
  });

  it("shows raw HTML as text and drops unsafe links", () => {
    const raw = markdownToHtml('<script>alert(1)</script> <img src=x onerror="alert(1)">');
    expect(raw).not.toMatch(/<script|<img/i);
    expect(raw).toContain("&lt;script&gt;");
    const links = markdownToHtml("Read [x](javascript:alert(1)), the [docs](/api-reference) and the [site](https://example.com); inline <b onclick=x>bold</b>.");
    expect(links).not.toMatch(/href="javascript|<b /i);
    expect(links).toContain('<a href="/api-reference">docs</a>');
    expect(links).toContain('<a href="https://example.com">site</a>');
  });
});
