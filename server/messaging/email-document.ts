// Small builders for block-editor documents (Tiptap JSON): the seed's emails, the starter
// content and tests write documents with them instead of raw HTML, so every email they make
// opens in the editor exactly as it renders. Client-safe.

export type TDocNode = { type: string; attrs?: Record<string, unknown>; content?: TDocNode[]; text?: string; marks?: { type: string; attrs?: Record<string, unknown> }[] };
type TInline = TDocNode | string;

/** A merge tag chip: `tag("profile.firstName", "there")`. */
export const tag = (path: string, fallback = ""): TDocNode => ({ type: "mergeTag", attrs: { path, fallback } });
export const text = (value: string, marks?: TDocNode["marks"]): TDocNode => ({ type: "text", text: value, ...(marks?.length ? { marks } : {}) });
export const link = (label: string, href: string): TDocNode => text(label, [{ type: "link", attrs: { href } }]);
export const bold = (label: string): TDocNode => text(label, [{ type: "bold" }]);

const inline = (parts: TInline[]): TDocNode[] => parts.filter((p) => p !== "").map((p) => (typeof p === "string" ? text(p) : p));
const aligned = (alignment?: string) => (alignment ? { alignment } : {});

export const heading = (level: 1 | 2 | 3, parts: TInline[], alignment?: string): TDocNode => ({ type: "heading", attrs: { level, ...aligned(alignment) }, content: inline(parts) });
export const paragraph = (parts: TInline[], attrs: { alignment?: string; style?: string } = {}): TDocNode => ({ type: "paragraph", attrs: { ...aligned(attrs.alignment), ...(attrs.style ? { style: attrs.style } : {}) }, content: inline(parts) });
export const button = (label: string, href: string, attrs: { alignment?: string; style?: string } = {}): TDocNode => ({ type: "button", attrs: { href, alignment: attrs.alignment ?? "center", ...(attrs.style ? { style: attrs.style } : {}) }, content: [text(label)] });
export const image = (src: string, alt: string, attrs: { href?: string; width?: string } = {}): TDocNode => ({ type: "image", attrs: { src, alt, alignment: "center", ...(attrs.width ? { width: attrs.width } : {}), ...(attrs.href ? { href: attrs.href } : {}) } });
export const divider = (): TDocNode => ({ type: "horizontalRule" });
export const spacer = (height = 24): TDocNode => ({ type: "spacer", attrs: { height } });
export const bulletList = (items: TInline[][]): TDocNode => ({ type: "bulletList", content: items.map((parts) => ({ type: "listItem", content: [paragraph(parts)] })) });
export const socialLinks = (links: { network: string; url: string }[]): TDocNode => ({ type: "socialLinks", attrs: { links, alignment: "center" } });
export const htmlBlock = (html: string): TDocNode => ({ type: "htmlBlock", attrs: { html } });

/** A full-width section (one column) with an optional inline style (background, padding). */
export const section = (content: TDocNode[], style?: string): TDocNode => ({ type: "section", attrs: style ? { style } : {}, content });

/** Two or three columns side by side (tables in the email, stacked by narrow clients). */
export function columns(...cells: TDocNode[][]): TDocNode {
  const type = cells.length === 3 ? "threeColumns" : "twoColumns";
  return { type, content: cells.map((content) => ({ type: "columnsColumn", content })) };
}

export const doc = (...content: TDocNode[]): TDocNode => ({ type: "doc", content });

/** The footer every seeded marketing email ends with: social links and the unsubscribe link. */
export const standardFooter = (): TDocNode[] => [
  divider(),
  socialLinks([{ network: "instagram", url: "https://instagram.com/parcours.shop" }, { network: "facebook", url: "https://facebook.com/parcours.shop" }, { network: "website", url: "https://shop.example" }]),
  paragraph(["You receive this email because you signed up at shop.example. ", link("Unsubscribe", "{{ unsubscribe_url }}")], { alignment: "center", style: "font-size:12px;color:#71717a" }),
];
