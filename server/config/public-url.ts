/**
 * The address people and providers reach this app at: tracking links, unsubscribe pages,
 * webhooks. PARCOURS_PUBLIC_URL, else AUTH_URL, else the local dev server.
 */
export function publicUrl(): string {
  const url = process.env.PARCOURS_PUBLIC_URL || process.env.AUTH_URL || `http://localhost:${process.env.PORT ?? 3000}`;
  return url.replace(/\/+$/, "");
}
