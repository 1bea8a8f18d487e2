import type { EmailNode } from "@react-email/editor/core";

export interface TMergeTagAttrs {
  /** A dotted path under one of the Liquid roots: `profile.firstName`, `context.orderId`. */
  path: string;
  /** Shown when the value is empty: `{{ path | default: "fallback" }}`. */
  fallback?: string;
}

const PATH = /^(profile|context|event|message|workspace)(\.[A-Za-z_][\w-]*)+$|^unsubscribe_url$/;

/** The merge tag's path when it is one Liquid can read, else null (never spliced into Liquid). */
export function safeMergePath(path: unknown): string | null {
  return typeof path === "string" && PATH.test(path.trim()) ? path.trim() : null;
}

/** The Liquid a chip stands for; quotes and tag delimiters dropped from the fallback. */
export function mergeTagLiquid({ path, fallback }: TMergeTagAttrs): string {
  const safe = safeMergePath(path);
  if (!safe) return "";
  const clean = (fallback ?? "").replace(/["{}%\\]/g, "").trim();
  return clean ? `{{ ${safe} | default: "${clean}" }}` : `{{ ${safe} }}`;
}

/** The chip's label in the editor: the attribute's name, then its fallback. */
export function mergeTagLabel({ path, fallback }: TMergeTagAttrs): string {
  const name = (safeMergePath(path) ?? "?").replace(/^profile\./, "");
  return fallback ? `${name} · ${fallback}` : name;
}

/**
 * A merge tag as one inline chip (not raw Liquid the marketer could half-delete); it renders
 * to the Liquid output tag in the email, personalized per recipient after the one compile.
 */
export const createMergeTag = (Node: typeof EmailNode) => Node.create({
  name: "mergeTag",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return { path: { default: "profile.firstName" }, fallback: { default: "" } };
  },
  parseHTML() {
    return [{ tag: "span[data-merge-tag]", getAttrs: (el) => ({ path: (el as HTMLElement).getAttribute("data-merge-tag"), fallback: (el as HTMLElement).getAttribute("data-fallback") ?? "" }) }];
  },
  renderHTML({ node }) {
    const attrs = node.attrs as TMergeTagAttrs;
    return ["span", { "data-merge-tag": attrs.path, "data-fallback": attrs.fallback ?? "", class: "merge-tag-chip", title: mergeTagLiquid(attrs) }, mergeTagLabel(attrs)];
  },
  renderText({ node }) {
    return mergeTagLiquid(node.attrs as TMergeTagAttrs);
  },
  renderToReactEmail: ({ node }) => <>{mergeTagLiquid((node.attrs ?? {}) as TMergeTagAttrs)}</>,
});
