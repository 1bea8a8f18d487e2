/**
 * PARCOURS_ALLOWED_PRIVATE_HOSTS: hosts that outgoing requests may reach although they are
 * private, for development and tests (a local receiver). Entries separated by commas or
 * spaces, each `host` (any port) or `host:port`, the host written as in the URL:
 * `127.0.0.1:4000, localhost, [::1]:8080, receiver.internal`. An entry matches the URL's
 * host as written, whatever it resolves to; it never widens to other names or addresses.
 */
export const ALLOWED_PRIVATE_HOSTS_ENV = "PARCOURS_ALLOWED_PRIVATE_HOSTS";

interface TEntry {
  host: string;
  port: string | null;
}

const ENTRY = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d{1,5}))?$/;

/** The host part normalized as the URL parser does (lower case, IPv4 and IPv6 canonical forms). */
function normalHost(host: string): string | null {
  try {
    return new URL(`http://${host}`).hostname.replace(/\.$/, "");
  } catch {
    return null;
  }
}

let parsed: { text: string; entries: TEntry[] } = { text: "", entries: [] };

/** The entries, read again when the variable changes; a malformed entry is skipped with a warning. */
function entries(): TEntry[] {
  const text = process.env[ALLOWED_PRIVATE_HOSTS_ENV] ?? "";
  if (text === parsed.text) return parsed.entries;
  const list = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .flatMap((entry) => {
      const match = entry.match(ENTRY);
      const host = match?.[1] ? normalHost(match[1]) : null;
      if (host) return [{ host, port: match?.[2] ? String(Number(match[2])) : null }];
      console.warn(`${ALLOWED_PRIVATE_HOSTS_ENV}: "${entry}" is not host or host:port; ignored`);
      return [];
    });
  parsed = { text, entries: list };
  return list;
}

/** The port a URL connects to, its scheme's default when it names none. */
export const portOf = (url: URL) => url.port || (url.protocol === "https:" ? "443" : "80");

/** Whether the URL's host (and port) is on the development allow-list. */
export function isAllowListed(url: URL): boolean {
  const host = url.hostname.replace(/\.$/, "");
  const port = portOf(url);
  return entries().some((entry) => entry.host === host && (entry.port === null || entry.port === port));
}
