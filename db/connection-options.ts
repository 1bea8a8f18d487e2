/**
 * postgres.js options from a DATABASE_URL. libpq's `?host=/path/to/socket/dir` (the form
 * `psql` accepts) connects through the server's Unix socket, for a PostgreSQL on the same
 * machine that listens on no TCP port. postgres.js reads only the URL's host name, and would
 * send the unknown `host` parameter to the server, so it is taken out.
 */
export function connectionOptions(url: string): { url: string; host?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url };
  }
  const host = parsed.searchParams.get("host");
  if (!host?.startsWith("/")) return { url };
  parsed.searchParams.delete("host");
  return { url: parsed.toString(), host };
}
