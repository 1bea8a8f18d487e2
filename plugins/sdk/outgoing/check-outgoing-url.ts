import type { z } from "zod";
import { isAllowListed } from "./allowed-hosts";
import { isIpAddress, isPublicAddress } from "./classify-address";

export const REFUSED_ADDRESS_MESSAGE = "Parcours does not send to private, loopback, link-local or cloud metadata addresses";

// Names that always mean this machine or a cloud's metadata service, whatever DNS says.
const INTERNAL_NAME = /(^|\.)localhost$|^metadata\.google\.internal$/;

/** The URL's host without IPv6 brackets or a trailing dot: what is resolved or connected to. */
export const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");

/** An IP literal that is not a public address, or a name that is internal by definition. */
export function isInternalHost(url: URL): boolean {
  const host = bareHost(url);
  if (INTERNAL_NAME.test(host)) return true;
  return isIpAddress(host) && !isPublicAddress(host);
}

/**
 * What can be known about an outgoing URL before any request: why Parcours will not send
 * to it (a scheme other than http(s), or an internal host not on the development
 * allow-list), or null. Names that resolve to internal addresses are refused at connect time.
 */
export function outgoingUrlProblem(value: string): string | null {
  if (!URL.canParse(value)) return "Enter an http(s) URL";
  const url = new URL(value);
  if (url.protocol !== "http:" && url.protocol !== "https:") return "Enter an http(s) URL";
  if (isInternalHost(url) && !isAllowListed(url)) return REFUSED_ADDRESS_MESSAGE;
  return null;
}

/**
 * For a URL field's `.superRefine()`: an issue when the URL aims at an internal host. A
 * value that is not an http(s) URL is left to the field's own URL check (one issue, not two).
 */
export function refuseInternalUrl(value: string, ctx: z.RefinementCtx) {
  const problem = outgoingUrlProblem(value);
  if (problem === REFUSED_ADDRESS_MESSAGE) ctx.addIssue({ code: "custom", message: problem });
}
