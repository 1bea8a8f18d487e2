import dns, { type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { isPublicAddress } from "./classify-address";

/** A name resolved to an address Parcours does not send to; never says which address. */
export class RefusedAddressError extends Error {
  constructor() {
    super("The host resolves to an address Parcours does not send to");
    this.name = "RefusedAddressError";
  }
}

/**
 * The socket's DNS lookup (net.connect's `lookup` option): resolves once, refuses when ANY
 * address is not public, and hands the checked addresses to the socket, which connects to
 * one of them. The check and the connection use the same answer, so a name cannot resolve
 * to a public address for the check and a private one for the connection (DNS rebinding).
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { family: options.family, hints: options.hints, all: true }, (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => {
    if (error) return callback(error, "");
    if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address))) return callback(new RefusedAddressError(), "");
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};
