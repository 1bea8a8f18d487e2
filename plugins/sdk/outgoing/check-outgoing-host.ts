import type { LookupFunction } from "node:net";
import { isAllowListed } from "./allowed-hosts";
import { isInternalHost, REFUSED_ADDRESS_MESSAGE } from "./check-outgoing-url";
import { guardedLookup } from "./guarded-lookup";

// The guard for plugins that open their own TCP connections (SMTP) instead of an HTTP request.

function asUrl(host: string, port: number): URL | null {
  const literal = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return URL.canParse(`http://${literal}:${port}`) ? new URL(`http://${literal}:${port}`) : null;
}

/** Why Parcours will not connect to host:port (an internal literal or name, not allow-listed), or null. */
export function outgoingHostProblem(host: string, port: number): string | null {
  const url = asUrl(host, port);
  if (!url) return "Enter a host name or an IP address";
  return isInternalHost(url) && !isAllowListed(url) ? REFUSED_ADDRESS_MESSAGE : null;
}

/**
 * The `lookup` for net.connect to host:port: the guarded one (every resolved address must be
 * public, and the socket connects to the address checked), or none for an allow-listed host.
 * Call outgoingHostProblem first: an IP literal is connected to without any lookup.
 */
export function connectLookup(host: string, port: number): LookupFunction | undefined {
  const url = asUrl(host, port);
  return url && isAllowListed(url) ? undefined : guardedLookup;
}
