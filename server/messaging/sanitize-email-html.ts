// A raw HTML block goes only into the email (and the sandboxed preview frame), never into the
// app's own DOM; it is still cleaned of what no email client runs and some webmails would:
// scripts and embedded documents, event handlers, and script URLs.

const DROPPED_WITH_CONTENT = /<(script|style|iframe|object|embed|applet|noscript|template)\b[\s\S]*?(<\/\1\s*>|$)/gi;
const DROPPED_TAGS = /<\/?(iframe|object|embed|applet|form|input|button|textarea|select|base|meta|link|frame|frameset)\b[^>]*>/gi;
const EVENT_HANDLERS = /\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
const SCRIPT_URLS = /\s+(href|src|action|formaction|xlink:href|background)\s*=\s*(["']?)\s*(javascript|vbscript|data(?!:image\/(png|gif|jpe?g|webp)))\s*:[^"'\s>]*\2/gi;

/** The HTML without scripts, embeds, forms, event handlers or script URLs. */
export function sanitizeEmailHtml(html: string): string {
  let out = html.replace(/<!--[\s\S]*?-->/g, "");
  let previous: string;
  do {
    previous = out;
    out = out.replace(DROPPED_WITH_CONTENT, "").replace(DROPPED_TAGS, "").replace(EVENT_HANDLERS, "").replace(SCRIPT_URLS, "");
  } while (out !== previous);
  return out;
}
