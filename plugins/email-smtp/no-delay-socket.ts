import { connect, type Socket } from "node:net";
import { connectLookup, outgoingHostProblem, RefusedAddressError } from "../sdk";

/**
 * nodemailer's getSocket hook: a TCP connection with Nagle's algorithm off. SMTP is a
 * request/response dialogue of small writes; with Nagle on, each message waits out the
 * server's delayed ACK (~40 ms), which caps a connection near 20 messages/s. nodemailer
 * still does TLS itself (implicit for `secure`, STARTTLS otherwise) on top of this socket.
 * The host is an admin's input: internal addresses are refused, by literal and at connect
 * time through the SDK's guarded lookup (so a name cannot rebind to one).
 */
export function noDelaySocket(options: { host?: string; port?: number; connectionTimeout?: number }, callback: (error: Error | null, result?: { connection: Socket }) => void): void {
  const host = options.host ?? "localhost";
  const port = options.port ?? 25;
  if (outgoingHostProblem(host, port)) return callback(new RefusedAddressError());
  const socket = connect({ host, port, noDelay: true, timeout: options.connectionTimeout, lookup: connectLookup(host, port) });
  const fail = (error: Error) => (socket.destroy(), callback(error));
  socket.once("timeout", () => fail(Object.assign(new Error("Connection timeout"), { code: "ETIMEDOUT" })));
  socket.once("error", fail);
  socket.once("connect", () => {
    socket.removeListener("error", fail);
    socket.setTimeout(0);
    callback(null, { connection: socket });
  });
}
