import type { EmailNode } from "@react-email/editor/core";

export const SPACER_HEIGHTS = [8, 16, 24, 32, 48, 64] as const;

/** A height in pixels between 4 and 200, whatever the document says. */
export function spacerHeight(value: unknown): number {
  const n = Math.round(Number(value));
  return Number.isFinite(n) ? Math.min(200, Math.max(4, n)) : 24;
}

/** Vertical space as a one-cell table (the way Outlook respects a height). */
export const createSpacer = (Node: typeof EmailNode) => Node.create({
  name: "spacer",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return { height: { default: 24 } };
  },
  parseHTML() {
    return [{ tag: "div[data-spacer]", getAttrs: (el) => ({ height: spacerHeight((el as HTMLElement).getAttribute("data-spacer")) }) }];
  },
  renderHTML({ node }) {
    const height = spacerHeight(node.attrs.height);
    return ["div", { "data-spacer": String(height), class: "email-spacer", style: `height:${height}px` }];
  },
  renderToReactEmail: ({ node }) => {
    const height = spacerHeight(node.attrs?.height);
    return (
      <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0}>
        <tbody><tr><td style={{ height, lineHeight: `${height}px`, fontSize: 1 }}>&nbsp;</td></tr></tbody>
      </table>
    );
  },
});
