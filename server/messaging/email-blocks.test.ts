import { describe, expect, it } from "vitest";
import { compileEmail } from "./compile-email";
import { DEFAULT_BRAND } from "./email-brand";
import * as d from "./email-document";
import { mergeTagLiquid } from "./email-nodes/merge-tag-node";
import { renderLiquid } from "./liquid";
import { sanitizeEmailHtml } from "./sanitize-email-html";

const html = async (...nodes: d.TDocNode[]) => (await compileEmail({ subject: "s", document: d.doc(...nodes) })).html;
const body = (out: string) => out.slice(out.indexOf("<body"));

describe("each block renders to email HTML", () => {
  it("merge tag chips render through Liquid with the profile, escaped, with their fallback", async () => {
    const out = await html(d.paragraph(["Hi ", d.tag("profile.firstName", "there"), " from ", d.tag("profile.city")]));
    expect(renderLiquid(out, { profile: { firstName: "Ada <3", city: "Austin" } }, "html")).toMatch(/Hi Ada &lt;3 from Austin/);
    expect(renderLiquid(out, { profile: {} }, "html")).toMatch(/Hi there/);
    expect(mergeTagLiquid({ path: "profile.x }}{% raw", fallback: 'a"}' })).toBe("");
    expect(mergeTagLiquid({ path: "profile.nick", fallback: 'my "pal"' })).toBe('{{ profile.nick | default: "my pal" }}');
  });

  it("columns are tables: two or three cells side by side", async () => {
    const two = body(await html(d.columns([d.paragraph(["left"])], [d.paragraph(["right"])])));
    expect(two).toMatch(/<table[^>]*role="presentation"[\s\S]*<td[^>]*>[\s\S]*left[\s\S]*<\/td><td[^>]*>[\s\S]*right/);
    const three = body(await html(d.columns([d.paragraph(["a"])], [d.paragraph(["b"])], [d.paragraph(["c"])])));
    expect(three.match(/data-id="__react-email-column"/g)).toHaveLength(3);
  });

  it("a section is a table with its background and padding inline", async () => {
    expect(body(await html(d.section([d.paragraph(["in"])], "background-color:#fef3c7;padding:24px")))).toMatch(/<table[^>]*style="[^"]*background-color:#fef3c7[\s\S]*<td style="padding:24px">/);
  });

  it("headings, styled text, links, lists and alignment keep inline styles", async () => {
    const out = body(await html(
      d.heading(2, ["Title"], "center"),
      d.paragraph([d.bold("B"), d.text("I", [{ type: "italic" }]), d.text("red", [{ type: "preservedStyle", attrs: { style: "color:#dc2626" } }]), d.link("go", "https://x.example/?a={{ profile.id }}")]),
      d.bulletList([["one"], ["two"]]),
    ));
    expect(out).toMatch(/<h2[^>]*text-align:center[^>]*>Title<\/h2>/);
    expect(out).toContain("<strong");
    expect(out).toContain("<em");
    expect(out).toMatch(/<span style="color:#dc2626">red<\/span>/);
    expect(out).toContain('href="https://x.example/?a={{ profile.id }}"');
    expect(out.match(/<li/g)).toHaveLength(2);
  });

  it("images carry alt text and their link; buttons their link and style", async () => {
    const out = body(await html(d.image("https://cdn.example/a.png", "A sale", { href: "https://shop.example" }), d.button("Buy", "https://shop.example/buy", { style: "background-color:#b45309;color:#ffffff;border-radius:999px" })));
    expect(out).toMatch(/<a href="https:\/\/shop.example"[^>]*><img alt="A sale" src="https:\/\/cdn.example\/a.png"/);
    expect(out).toMatch(/<a [^>]*href="https:\/\/shop.example\/buy"[^>]*style="[^"]*background-color:#b45309[^"]*"[^>]*>[\s\S]*Buy/);
  });

  it("dividers, spacers and social links render as email-safe markup", async () => {
    const out = body(await html(d.divider(), d.spacer(40), d.socialLinks([{ network: "instagram", url: "https://instagram.com/x" }, { network: "x", url: "javascript:alert(1)" }])));
    expect(out).toContain("<hr");
    expect(out).toMatch(/<td style="height:40px;line-height:40px;font-size:1px">/);
    expect(out).toMatch(/<a href="https:\/\/instagram.com\/x"[^>]*>Instagram<\/a>/);
    expect(out).not.toContain("javascript:");
  });

  it("a raw HTML block goes into the email cleaned of scripts, handlers and script URLs", async () => {
    const out = body(await html(d.htmlBlock('<table><tr><td onclick="x()">Hi {{ profile.firstName }}</td></tr></table><script>steal()</script><a href="javascript:alert(1)">x</a><iframe src="https://evil"></iframe>')));
    expect(out).toContain("<td>Hi {{ profile.firstName }}</td>");
    expect(out).not.toMatch(/onclick|<script|steal|javascript:|<iframe/);
    expect(sanitizeEmailHtml("<scr<script>ipt>alert(1)</script>")).not.toContain("<script");
  });

  it("the brand kit themes every block and puts the logo first", async () => {
    const brand = { ...DEFAULT_BRAND, logoUrl: "https://cdn.example/logo.png", primaryColor: "#ff00aa", backgroundColor: "#eeeeee", font: "georgia" as const };
    const out = body((await compileEmail({ subject: "s", document: d.doc(d.heading(1, ["Hi"]), d.button("Go", "https://x.example")), brand } as never)).html);
    expect(out).toMatch(/^<body[^>]*background-color:#eeeeee/);
    expect(out.indexOf("https://cdn.example/logo.png")).toBeLessThan(out.indexOf(">Hi<"));
    expect(out).toMatch(/<h1[^>]*font-family:Georgia/);
    expect(out).toMatch(/<a [^>]*href="https:\/\/x.example"[^>]*background-color:#ff00aa/);
  });
});
