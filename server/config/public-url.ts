/**
 * The address people and providers reach this app at: tracking links, unsubscribe pages,
 * webhooks, redirects. PARCOURS_PUBLIC_URL, else AUTH_URL, else the local dev server. Never
 * the request's URL: behind a proxy that is Next's internal address (http://localhost:3400).
 */
export function publicUrl(): string {
  const raw = process.env.PARCOURS_PUBLIC_URL || process.env.AUTH_URL || `http://localhost:${process.env.PORT ?? 3000}`;
  // Read per message while sending: checked once per distinct value.
  if (raw !== checked?.raw) checked = { raw, url: checkedBase(raw) };
  return checked.url;
}

let checked: { raw: string; url: string } | undefined;

function checkedBase(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PARCOURS_PUBLIC_URL must be an absolute http(s) URL such as https://mail.example.com (got "${raw}")`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`PARCOURS_PUBLIC_URL must start with https:// or http:// (got "${raw}")`);
  if (url.search || url.hash) throw new Error(`PARCOURS_PUBLIC_URL may not have a query or fragment (got "${raw}")`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/** A path of this app (`/unsubscribe/…`) as an absolute URL on its public address, keeping any path prefix of it. */
export function publicUrlOf(path: string): string {
  if (!path.startsWith("/") || path.startsWith("//")) throw new Error(`An app path starts with one "/" (got "${path}")`);
  return `${publicUrl()}${path}`;
}

/**
 * Every redirect the app answers with. A path of the app goes to the public address; an
 * absolute http(s) URL (a signed click destination) is kept as it is; anything else throws.
 */
export function redirectTo(location: string, status: 302 | 303 | 307 = 302, headers: Record<string, string> = {}): Response {
  const target = location.startsWith("/") ? publicUrlOf(location) : location;
  if (!/^https?:\/\//i.test(target)) throw new Error(`Refusing to redirect to "${location}": not an app path nor an http(s) URL`);
  return new Response(null, { status, headers: { ...headers, location: target } });
}
