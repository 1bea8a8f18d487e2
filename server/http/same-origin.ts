import { AppError } from "@/server/errors";
import { trustedProxyHops } from "./trust-proxy";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses (403) a state-changing request that a browser sent from another origin: the
 * cookie-authenticated route handlers call it first. A page on another port of the same
 * host is same-site, so the session cookie's SameSite=Lax does not stop it; this does.
 * Browsers send Sec-Fetch-Site (and Origin) on such requests; a request with neither came
 * from a program, which holds the cookie itself, so there is nothing to forge.
 */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const site = req.headers.get("sec-fetch-site");
  const origin = req.headers.get("origin");
  if (site ? site === "same-origin" : !origin || allowedHosts(req).has(hostOf(origin))) return;
  throw new AppError("FORBIDDEN", "Cross-origin request refused: send it from a page of this site");
}

function hostOf(origin: string): string {
  return URL.canParse(origin) ? new URL(origin).host : "";
}

/** The host the browser addressed (Host, or the trusted proxy's X-Forwarded-Host) and the configured public URL's. */
function allowedHosts(req: Request): Set<string> {
  const hosts = new Set<string>();
  const forwarded = trustedProxyHops() > 0 ? req.headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const host = forwarded || req.headers.get("host");
  if (host) hosts.add(host.toLowerCase());
  for (const configured of [process.env.PARCOURS_PUBLIC_URL, process.env.AUTH_URL]) {
    if (configured && URL.canParse(configured)) hosts.add(new URL(configured).host);
  }
  hosts.delete("");
  return hosts;
}
