// A stored email shown inside the app (Dev inbox, message page) is not the recipient reading
// it: its open pixel must not load, or looking at a message would record an "opened" that
// reports count and journeys branch on.

const OPEN_PIXEL = /<img\b[^>]*?\bsrc\s*=\s*(["'])[^"']*\/t\/o\/[^"']*\1[^>]*>/gi;

/** The email's HTML without its open-tracking pixel. */
export function previewHtml(html: string): string {
  return html.replace(OPEN_PIXEL, "");
}
