import { publicUrl } from "@/server/config/public-url";
import { linkToken, messageTokens } from "./tracking-token";

export interface TTrackingUrls {
  readonly open: string;
  readonly unsubscribe: string;
  click(url: string): string;
  pushOpen(url?: string): string;
}

/** A message's tracking links: its tokens are signed once, when first asked for (rendering is a hot path). */
export function trackingUrls(messageId: string, base = publicUrl()): TTrackingUrls {
  let tokens: ReturnType<typeof messageTokens> | undefined;
  const signed = () => (tokens ??= messageTokens(messageId));
  let unsubscribe: string | undefined;
  return {
    get open() {
      return `${base}/t/o/${signed().other}`;
    },
    get unsubscribe() {
      return (unsubscribe ??= `${base}/t/u/${signed().unsubscribe}`);
    },
    click: (url) => `${base}/t/c/${signed().other}.${linkToken(url)}`,
    pushOpen: (url) => `${base}/t/p/${signed().other}${url ? `.${linkToken(url)}` : ""}`,
  };
}

export const HREF = /(<a\b[^>]*?\bhref\s*=\s*)(["'])(.*?)\2/gi;

/**
 * Rewrites every http(s) link of an email for click tracking and adds the open pixel.
 * mailto:, tel:, anchors and the unsubscribe link itself are left alone.
 */
export function addEmailTracking(html: string, urls: TTrackingUrls): string {
  const linked = html.replace(HREF, (whole, start: string, quote: string, href: string) => {
    const tracked = trackedHref(href, urls);
    return tracked === href ? whole : `${start}${quote}${tracked}${quote}`;
  });
  const pixel = openPixel(urls);
  return /<\/body>/i.test(linked) ? linked.replace(/<\/body>/i, `${pixel}</body>`) : `${linked}${pixel}`;
}

/** A rendered href as tracked: http(s) links but the unsubscribe link go through the click redirect. */
export function trackedHref(href: string, urls: TTrackingUrls): string {
  const target = decodeEntities(href.trim());
  return /^https?:\/\//i.test(target) && target !== urls.unsubscribe ? urls.click(target) : href;
}

export const openPixel = (urls: TTrackingUrls) => `<img src="${urls.open}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px" />`;

/** RFC 2369 / RFC 8058 one-click unsubscribe headers. */
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}
