import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** What the contract kit needs from a provider fake, whatever its protocol (HTTP, SMTP...). */
export interface TProviderFake {
  /** The sends the provider accepted, oldest first, with the idempotency key it read from each. */
  readonly sends: readonly { idempotencyKey?: string }[];
  /** From now on answer sends with this failure code (HTTP status or SMTP reply code); null accepts again. */
  failWith(code: number | null): void;
  close(): Promise<void>;
}

export interface TRecordedRequest {
  method: string;
  path: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: string;
  json(): unknown;
}

export interface TFakeReply {
  status?: number;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface THttpFake extends TProviderFake {
  url: string;
  port: number;
  requests: TRecordedRequest[];
  readonly sends: { idempotencyKey?: string; request: TRecordedRequest }[];
}

export interface TFakeServerOptions {
  /** Which requests are sends (counted in `sends`, failed by failWith); POSTs by default. */
  isSend?: (request: TRecordedRequest) => boolean;
  /** Where the provider reads an idempotency key; the Idempotency-Key header by default. */
  idempotencyKeyOf?: (request: TRecordedRequest) => string | undefined;
  /** The body of a failure answer, shaped like the provider's errors. */
  failureBody?: (code: number) => unknown;
}

/**
 * A local HTTP server on 127.0.0.1 that records every request and answers with `handler`.
 * Point a plugin (or a vendor SDK's base URL) at `fake.url`.
 */
export async function startFakeServer(handler: (request: TRecordedRequest) => TFakeReply | Promise<TFakeReply>, options: TFakeServerOptions = {}): Promise<THttpFake> {
  const isSend = options.isSend ?? ((r) => r.method === "POST");
  const keyOf = options.idempotencyKeyOf ?? ((r) => r.headers["idempotency-key"]);
  let failure: number | null = null;
  const requests: TRecordedRequest[] = [];
  const sends: THttpFake["sends"] = [];
  const server = createServer(async (req, res) => {
    const request = await record(req);
    requests.push(request);
    const send = isSend(request);
    let reply: TFakeReply;
    try {
      reply = send && failure !== null ? { status: failure, body: options.failureBody?.(failure) ?? { error: "fake failure", statusCode: failure } } : await handler(request);
    } catch (error) {
      reply = { status: 500, body: { error: String(error) } };
    }
    const status = reply.status ?? 200;
    if (send && status < 300) sends.push({ idempotencyKey: keyOf(request), request });
    const text = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
    const type = typeof reply.body === "string" ? "text/plain" : "application/json";
    res.writeHead(status, { "content-type": type, ...reply.headers }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    sends,
    failWith: (code) => void (failure = code),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function record(req: IncomingMessage): Promise<TRecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
  return { method: req.method ?? "GET", path: req.url ?? "/", headers, body, json: () => JSON.parse(body) };
}

/** A port nothing listens on, for "the provider is unreachable" tests. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
