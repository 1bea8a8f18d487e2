/**
 * How many reverse proxies in front of the app add the client's address to
 * X-Forwarded-For (PARCOURS_TRUST_PROXY). 0, the default, trusts none: the header is then
 * whatever the client sent.
 */
export function trustedProxyHops(): number {
  const raw = process.env.PARCOURS_TRUST_PROXY?.trim();
  if (!raw) return 0;
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`PARCOURS_TRUST_PROXY must be the number of proxies in front of the app (0-10), got "${raw}"`);
  }
  return hops;
}
