import http from "node:http";
import https from "node:https";
import { trustedProxyHops } from "./trust-proxy";

/** The TCP peer of a request, stamped by recordPeerAddresses (a client cannot set it). */
export const PEER_HEADER = "x-parcours-peer";

const installed = Symbol.for("parcours.peer-address");
type GlobalWithFlag = typeof globalThis & { [installed]?: boolean };

/**
 * Route handlers and server actions never see the socket, and Next.js keeps a client's own
 * X-Forwarded-For. So every request the process's HTTP servers receive gets the socket's
 * address in PEER_HEADER, overwriting anything the client sent under that name. Called once
 * from instrumentation.ts; requests that arrive while the server boots are not stamped.
 */
export function recordPeerAddresses(): void {
  const g = globalThis as GlobalWithFlag;
  if (g[installed]) return;
  trustedProxyHops(); // a malformed PARCOURS_TRUST_PROXY fails at start-up, not at the first sign-in
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const req = args[0] as http.IncomingMessage;
        req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
      }
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as typeof emit;
  }
  g[installed] = true;
}

/** Whether PEER_HEADER can be believed in this process. */
export function peerAddressesRecorded(): boolean {
  return (globalThis as GlobalWithFlag)[installed] === true;
}
