import { clientIp } from "@/server/http/client-ip";
import { workflowNow } from "@/server/workflows/embedded/clock";

// Opens and clicks no person made. Two publicly documented patterns:
// - Apple Mail Privacy Protection loads every image of a message through Apple's proxy when the
//   message arrives, whether or not it is read: the request carries the bare user agent
//   "Mozilla/5.0" and comes from Apple's own network (17.0.0.0/8, and 2620:149::/32 and
//   2a01:b740::/32 in IPv6).
// - Link and image scanners of mail security gateways fetch a message's URLs seconds after it
//   is delivered, with a script's user agent or none.
// Gmail's "GoogleImageProxy" loads images when the person opens the message: a human open.

export type TMachineKind = "apple-privacy" | "security-scanner";

/** Who asked for a tracking URL, as its route saw the request. */
export interface TTrackingRequest {
  userAgent: string | null;
  /** The client's address (server/http/client-ip.ts: an IPv6 address is cut to its /64). */
  ip: string | null;
}

/** An open or click this soon after the send, by a client that is not a browser, is a scanner's. */
export const SCANNER_WINDOW_MS = 10_000;

const APPLE_PROXY_UA = "Mozilla/5.0";
const APPLE_IPV6 = ["2620:149:", "2a01:b740:"];
const HUMAN_PROXIES = /GoogleImageProxy/i;
const NOT_A_BROWSER = /bot|crawl|spider|scan|barracuda|mimecast|proofpoint|symantec|curl|wget|python|go-http-client|java\/|okhttp|libwww|httpclient|axios|node-fetch/i;

const fromApple = (ip: string | null) => Boolean(ip && (/^17\.\d+\.\d+\.\d+$/.test(ip) || APPLE_IPV6.some((prefix) => ip.toLowerCase().startsWith(prefix))));

/** Why an open or click of an email is a machine's, or null for a person's. `sentAt` is when the message was sent, on the executor's clock (send-messages.ts), as `at` is. */
export function machineKind(type: "opened" | "clicked", request: TTrackingRequest, sentAt: Date | null, at = workflowNow()): TMachineKind | null {
  const ua = request.userAgent?.trim() ?? "";
  if (HUMAN_PROXIES.test(ua)) return null;
  if (type === "opened" && (ua === APPLE_PROXY_UA || fromApple(request.ip))) return "apple-privacy";
  const soon = sentAt !== null && at.getTime() - sentAt.getTime() < SCANNER_WINDOW_MS;
  if (soon && (!ua || !ua.startsWith("Mozilla/") || NOT_A_BROWSER.test(ua))) return "security-scanner";
  return null;
}

/** The request's user agent and client address, for machineKind. */
export function trackingRequestOf(request: Request): TTrackingRequest {
  return { userAgent: request.headers.get("user-agent"), ip: clientIp(request.headers) };
}
