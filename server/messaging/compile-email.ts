import type { TEmailContent } from "./content";

export interface TCompiledEmail {
  html: string;
  text: string;
}

/**
 * The email's HTML and plain-text parts with their Liquid tags intact, compiled once per
 * template version (the expensive react-email render) and personalized per recipient.
 */
export async function compileEmail(content: TEmailContent): Promise<TCompiledEmail> {
  if (content.html !== undefined) return { html: content.html, text: htmlToText(content.html) };
  throw new Error("compileEmail: block editor documents are compiled by the editor module");
}

/** A readable plain-text part: paragraphs kept, links as "text (url)", tags dropped. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<a\b[^>]*href=["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, label: string) => `${label.replace(/<[^>]+>/g, "").trim()} (${href})`)
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|h[1-6]|li|tr|table)>/gi, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
