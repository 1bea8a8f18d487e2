const PROBE_ORIGIN = "http://parcours.invalid";

/** Starts with exactly one slash and holds nothing a browser would skip or read as a slash. */
const isPlainPath = (path: string) => path.startsWith("/") && !path.startsWith("//") && !/[\\\s\p{Cc}]/u.test(path);

/**
 * Where to go after signing in: a path on this site, else "/". Browsers read `/\host`,
 * `/<tab>/host` and `//host` as another host, so the path is checked as given and once
 * more percent-decoded, then resolved against a probe origin that it must not leave.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2048 || !isPlainPath(value)) return "/";
  const path = value.split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return "/";
  }
  if (!isPlainPath(decoded)) return "/";
  const url = new URL(value, PROBE_ORIGIN);
  if (url.origin !== PROBE_ORIGIN) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Auth.js's redirect callback: absolute URLs of this origin or paths, each reduced to a safe path. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  let path = url;
  if (!url.startsWith("/")) {
    const parsed = URL.canParse(url) ? new URL(url) : null;
    if (!parsed || parsed.origin !== base.origin) return `${base.origin}/`;
    path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  }
  return new URL(safeCallbackPath(path), base.origin).toString();
}
