// Parcours sends only to the public internet. Everything else is refused: private and
// shared networks, loopback, link-local (cloud metadata at 169.254.169.254, fd00:ec2::254),
// "this network", multicast, broadcast, documentation and benchmarking ranges.

// No node: imports: journey node schemas use this in the browser too.

type TRange = readonly [base: bigint, bits: number];

const V4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const v4 = (text: string): bigint => text.split(".").reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n);

const V4_REFUSED: TRange[] = [
  ["0.0.0.0", 8], // this network, unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT (Alibaba's metadata: 100.100.100.200)
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments (Oracle's metadata: 192.0.0.192)
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
].map(([base, bits]) => [v4(base as string), bits as number] as const);

/** IPv6 as eight 16-bit groups (a zone id is dropped), or null when `text` is not IPv6. */
function groupsOf(text: string): number[] | null {
  const halves = text.replace(/%[\w.-]+$/, "").split("::");
  if (halves.length > 2) return null;
  const part = (s: string, last: boolean) => {
    if (s === "") return [];
    const groups = s.split(":");
    return groups.flatMap((g, i) => {
      if (last && i === groups.length - 1 && V4.test(g)) {
        const n = Number(v4(g));
        return [n >>> 16, n & 0xffff];
      }
      return /^[\da-f]{1,4}$/i.test(g) ? [parseInt(g, 16)] : [NaN];
    });
  };
  const head = part(halves[0]!, halves.length === 1);
  const tail = halves.length === 2 ? part(halves[1]!, true) : [];
  const missing = 8 - head.length - tail.length;
  if (head.some(Number.isNaN) || tail.some(Number.isNaN) || (halves.length === 1 ? missing !== 0 : missing < 1)) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/** Whether `text` is an IPv4 or IPv6 address literal (IPv6 without brackets). */
export const isIpAddress = (text: string) => V4.test(text) || groupsOf(text) !== null;

const v6 = (text: string): bigint => groupsOf(text)!.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
const inRange = (value: bigint, [base, bits]: TRange, width: number) => value >> BigInt(width - bits) === base >> BigInt(width - bits);

// IPv6 ranges that carry an IPv4 address in their last 32 bits: judged by that address.
const V6_EMBEDDING_V4: TRange[] = [
  [v6("::ffff:0:0"), 96], // IPv4-mapped
  [v6("::ffff:0:0:0"), 96], // IPv4-translated (SIIT)
  [v6("64:ff9b::"), 96], // NAT64
];
const SIX_TO_FOUR: TRange = [v6("2002::"), 16]; // 6to4: the IPv4 address follows the prefix
const GLOBAL_UNICAST: TRange = [v6("2000::"), 3];
const V6_REFUSED: TRange[] = [
  [v6("2001::"), 23], // IETF protocol assignments, Teredo
  [v6("2001:db8::"), 32], // documentation
  [v6("3fff::"), 20], // documentation
];

function isPublicV4(value: bigint): boolean {
  return !V4_REFUSED.some((range) => inRange(value, range, 32));
}

/**
 * Whether `address` (an IPv4 or IPv6 literal, without brackets) is a public internet
 * address. Not an IP address at all: false. IPv6 outside global unicast (2000::/3) is
 * refused: loopback, unspecified, unique local (fc00::/7), link-local (fe80::/10),
 * multicast; IPv4-mapped, translated, NAT64 and 6to4 forms are judged by their IPv4 address.
 */
export function isPublicAddress(address: string): boolean {
  if (V4.test(address)) return isPublicV4(v4(address));
  if (groupsOf(address) === null) return false;
  const value = v6(address);
  if (V6_EMBEDDING_V4.some((range) => inRange(value, range, 128))) return isPublicV4(value & 0xffffffffn);
  if (inRange(value, SIX_TO_FOUR, 128)) return isPublicV4((value >> 80n) & 0xffffffffn);
  return inRange(value, GLOBAL_UNICAST, 128) && !V6_REFUSED.some((range) => inRange(value, range, 128));
}
