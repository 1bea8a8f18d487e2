import { isIP } from "node:net";
import { PEER_HEADER, peerAddressesRecorded } from "./peer-address";
import { trustedProxyHops } from "./trust-proxy";

/**
 * The client's address as a throttling key, or null when it cannot be known.
 * Behind N trusted proxies: the N-th X-Forwarded-For entry from the right (the one the
 * outermost trusted proxy added). Otherwise the socket's address; in a process where it was
 * not recorded (tests, scripts), the last X-Forwarded-For entry, which Next.js fills from
 * the socket unless the client sent one.
 * IPv6 addresses are cut to their /64, the block one subscriber usually holds.
 */
export function clientIp(headers: Headers): string | null {
  const hops = trustedProxyHops();
  const chain = forwardedChain(headers);
  if (hops > 0 && chain.length >= hops) return ipKey(chain[chain.length - hops]);
  if (peerAddressesRecorded()) return ipKey(headers.get(PEER_HEADER));
  return ipKey(chain.at(-1));
}

function forwardedChain(headers: Headers): string[] {
  return (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

export function ipKey(raw: string | null | undefined): string | null {
  const address = raw?.trim().replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "") ?? "";
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return null;
  const groups = expandIpv6(address);
  const mapped = groups.slice(0, 6).join(":") === "0:0:0:0:0:ffff";
  if (mapped) return [groups[6]!, groups[7]!].flatMap((g) => [Number.parseInt(g, 16) >> 8, Number.parseInt(g, 16) & 255]).join(".");
  return `${groups.slice(0, 4).join(":")}::/64`;
}

/** Eight hexadecimal groups without leading zeros; an embedded IPv4 tail becomes two groups. */
function expandIpv6(address: string): string[] {
  let text = address.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((g) => Number.parseInt(g, 16).toString(16));
}
