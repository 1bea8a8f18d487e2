import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { ChannelError } from "../errors";
import { isAllowListed } from "./allowed-hosts";
import { isInternalHost, REFUSED_ADDRESS_MESSAGE } from "./check-outgoing-url";
import { guardedLookup, RefusedAddressError } from "./guarded-lookup";

export interface TOutgoingRequest {
  /** GET by default. */
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
  /** Milliseconds before the attempt is abandoned as retryable; 15 s by default. */
  timeoutMs?: number;
}

export interface TOutgoingResponse {
  status: number;
  statusText: string;
  headers: Headers;
  /** The body as text, its first megabyte at most. */
  text: string;
}

const MAX_RESPONSE_BYTES = 1 << 20;

// Keep-alive pools. An allow-listed host gets its own: a socket it opened without the
// address check is never reused for a request that needs it.
const agents = {
  guarded: { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) },
  allowListed: { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) },
};

/**
 * The one way Parcours calls a URL that a user gave (webhooks, Slack, push endpoints,
 * provider base URLs). Only http(s); only public addresses, checked on the literal host
 * before anything and on every resolved address when the socket connects; redirects are
 * answers, never followed. Failures are ChannelErrors named by `label`: a refused address
 * is permanent (code `address_refused`) and reads the same whatever the port; connection
 * failures are retryable and never echo socket details (they would map a network).
 */
export async function guardedFetch(target: string, request: TOutgoingRequest, label: string): Promise<TOutgoingResponse> {
  const url = URL.canParse(target) ? new URL(target) : null;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) throw new ChannelError(`${label}: the URL is not an http(s) URL`, false, "invalid_url");
  const allowListed = isAllowListed(url);
  const refused = new ChannelError(`${label}: ${REFUSED_ADDRESS_MESSAGE}`, false, "address_refused");
  if (!allowListed && isInternalHost(url)) throw refused;
  const timeout = AbortSignal.timeout(request.timeoutMs ?? 15_000);
  try {
    return await send(url, request, request.signal ? AbortSignal.any([request.signal, timeout]) : timeout, allowListed);
  } catch (error) {
    if (error instanceof RefusedAddressError) throw refused;
    if (request.signal?.aborted) throw new ChannelError(`${label}: the send was cancelled`, true, "aborted");
    if (timeout.aborted) throw new ChannelError(`${label}: no answer in time`, true, "timeout");
    throw new ChannelError(`${label}: the connection failed`, true, "network");
  }
}

function send(url: URL, request: TOutgoingRequest, signal: AbortSignal, allowListed: boolean): Promise<TOutgoingResponse> {
  const { body } = request;
  const headers = { ...request.headers, ...(body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) }) };
  const scheme = url.protocol === "https:" ? "https" : "http";
  const agent = (allowListed ? agents.allowListed : agents.guarded)[scheme];
  return new Promise((resolve, reject) => {
    const options = { method: request.method ?? "GET", headers, signal, agent, ...(allowListed ? {} : { lookup: guardedLookup }) };
    const req = (scheme === "https" ? https : http).request(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", headers: headersOf(res), text: Buffer.concat(chunks).toString("utf8") });
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size < MAX_RESPONSE_BYTES) return;
        res.destroy();
        done();
      });
      res.on("end", done);
      res.on("error", reject);
      res.on("close", () => reject(new Error("The connection closed before the answer ended")));
    });
    req.on("error", reject);
    req.end(body);
  });
}

function headersOf(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  return headers;
}
