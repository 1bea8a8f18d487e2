import type { Editor, JSONContent } from "@tiptap/core";
import type { composeReactEmail } from "@react-email/editor/core";
import { AppError } from "@/server/errors";
import type { TEmailContent } from "./content";
import { brandOf, withBrandLogo, type TBrand } from "./email-brand";
import { loadEmailEditor } from "./email-extensions";

type TComposeEditor = Parameters<typeof composeReactEmail>[0]["editor"];

export interface TCompiledEmail {
  html: string;
  text: string;
}

/**
 * The email's HTML and plain-text parts with their Liquid tags intact, compiled once per
 * template version (the expensive react-email render) and personalized per recipient. The
 * workspace's brand kit (logo, colours, font), which the send pipeline puts in `content.brand`,
 * is applied to every block-editor email.
 */
export async function compileEmail(content: TEmailContent): Promise<TCompiledEmail> {
  const brand = brandOf(content as { brand?: unknown });
  if (isDocument(content.document)) return compileDocument(withBrandLogo(content.document, brand), content.preheader, brand);
  if (content.html !== undefined) return { html: content.html, text: htmlToText(content.html) };
  throw new AppError("BAD_REQUEST", "The email has no content", "document");
}

/** The editor's document through its react-email serializer, in a headless editor (no DOM). */
async function compileDocument(document: JSONContent, preheader?: string, brand?: TBrand | null): Promise<TCompiledEmail> {
  const { Editor, composeReactEmail, extensions, brandPanels } = await loadEmailEditor();
  let editor: Editor;
  try {
    editor = new Editor({ element: null, extensions: extensions(brand), content: document, enableContentCheck: true, onContentError: ({ error }) => { throw error; } });
  } catch (error) {
    throw new AppError("BAD_REQUEST", `The email document is not valid: ${(error as Error).message.split("\n")[0]}`, "document");
  }
  try {
    // The brand is the theme of every email, whatever styles the editor stored with the document.
    if (brand) (editor.commands as unknown as { setGlobalContent: (key: string, value: unknown) => boolean }).setGlobalContent("styles", brandPanels(brand));
    // The editor bundles its own copy of @tiptap/core: same runtime shape, distinct types.
    const composed = await composeReactEmail({ editor: editor as unknown as TComposeEditor, preview: preheader?.trim() || undefined });
    // React separates adjacent text pieces (text, then a merge-tag chip) with empty comments.
    const html = restoreLiquidTags(composed.unformattedHtml.replace(REACT_TEXT_SEPARATOR, ""));
    return { html, text: htmlToText(html.replace(PREVIEW_BLOCK, "")) };
  } finally {
    editor.destroy();
  }
}

// A link whose href is only the unsubscribe merge tag, with its text.
const UNSUBSCRIBE_LINK = /<a\b[^>]*?\bhref\s*=\s*(["'])\s*\{\{-?\s*unsubscribe_url\s*-?\}\}\s*\1[^>]*>[\s\S]*?<\/a\s*>/gi;
const withoutLinks = new WeakMap<TCompiledEmail, TCompiledEmail>();

/**
 * The email as a transactional message has it: no unsubscribe link (a template may be shared
 * with marketing sends). Once per compiled template; {{ unsubscribe_url }} elsewhere renders empty.
 */
export function withoutUnsubscribeLinks(email: TCompiledEmail): TCompiledEmail {
  let stripped = withoutLinks.get(email);
  if (!stripped) {
    const html = email.html.replace(UNSUBSCRIBE_LINK, "");
    stripped = html === email.html ? email : { html, text: htmlToText(html.replace(PREVIEW_BLOCK, "")) };
    withoutLinks.set(email, stripped);
  }
  return stripped;
}

function isDocument(value: unknown): value is JSONContent {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "doc";
}

// react-email's hidden preheader: the text, then a <div> of invisible padding characters.
const PREVIEW_BLOCK = /<div[^>]*data-skip-in-text="true"[^>]*>[\s\S]*?<\/div><\/div>/;
const REACT_TEXT_SEPARATOR = /<!-- -->/g;
const LIQUID_TAG = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
const NAMED: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">", apos: "'", nbsp: " " };

/**
 * React escapes text and attributes, so `{{ x | default: "there" }}` comes out as
 * `{{ x | default: &quot;there&quot; }}`, which Liquid cannot parse. Inside tags only, the
 * entities become characters again; Liquid's own HTML escaping protects the output.
 */
export function restoreLiquidTags(html: string): string {
  return html.replace(LIQUID_TAG, (tag) =>
    tag
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
        if (code[0] !== "#") return NAMED[code.toLowerCase()] ?? whole;
        const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return String.fromCodePoint(n);
      })
      .replace(/\u00a0/g, " "),
  );
}

/** A readable plain-text part: paragraphs kept, links as "text (url)", tags dropped. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head|title)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<a\b[^>]*href=["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, label: string) => linkText(label.replace(/<[^>]+>/g, "").trim(), href))
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|h[1-6]|li|tr|table)>/gi, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(39|x27);/gi, "'")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const linkText = (label: string, href: string) => (label ? `${label} (${href})` : href);
