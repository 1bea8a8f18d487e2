import { Marked, type Tokens } from "marked";

// The API reference's descriptions are Markdown (backticks, bold, lists, links). Rendered with
// marked, then made safe: raw HTML is shown as text, links go only to http(s), paths and anchors.

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const SAFE_HREF = /^(https?:\/\/|\/(?!\/)|#)/i;

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    link(this: { parser: { parseInline: (tokens: Tokens.Link["tokens"]) => string } }, { href, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      return SAFE_HREF.test(href) ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
    },
    image: ({ text }: Tokens.Image) => escapeHtml(text),
  },
});

/** Markdown to HTML that holds no markup of the source's own: safe for dangerouslySetInnerHTML. */
export function markdownToHtml(source: string): string {
  return marked.parse(source) as string;
}

/** One line of Markdown (a parameter's or a response's description), without a paragraph around it. */
export function inlineMarkdownToHtml(source: string): string {
  return marked.parseInline(source) as string;
}
