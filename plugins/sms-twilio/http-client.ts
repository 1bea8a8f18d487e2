import { AsyncLocalStorage } from "node:async_hooks";
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import type Response from "twilio/lib/http/response";
import { guardedFetch } from "../sdk";

// The SDK's supported extension point is its `httpClient` option (a RequestClient). Ours
// sends with the SDK's guardedFetch so that: a send's AbortSignal cancels the request (the
// axios-based client takes none), its idempotency key goes out as I-Twilio-Idempotency-Token
// (the messages.create() call takes no headers), and `baseUrl` replaces https://api.twilio.com
// (tests, proxies) without reaching internal addresses. The per-send values travel in an
// AsyncLocalStorage around the call.

export const sendContext = new AsyncLocalStorage<{ idempotencyKey: string; signal: AbortSignal }>();

const TIMEOUT_MS = 15_000;
const HOP_BY_HOP = new Set(["connection", "keep-alive", "content-length"]);

function appendAll(params: URLSearchParams, values: object | undefined) {
  for (const [key, value] of Object.entries(values ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) params.append(key, String(item));
  }
}

export class FetchRequestClient extends twilio.RequestClient {
  readonly #baseUrl: URL | undefined;

  constructor(baseUrl: string | undefined) {
    super({ autoRetry: false });
    this.#baseUrl = baseUrl ? new URL(baseUrl) : undefined;
  }

  override async request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    const context = sendContext.getStore();
    const url = new URL(opts.uri);
    if (this.#baseUrl) {
      url.protocol = this.#baseUrl.protocol;
      url.host = this.#baseUrl.host;
      url.pathname = `${this.#baseUrl.pathname.replace(/\/+$/, "")}${url.pathname}`;
    }
    appendAll(url.searchParams, opts.params as object | undefined);
    const headers = new Headers(Object.entries(opts.headers ?? {}).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())).map(([k, v]): [string, string] => [k, String(v)]));
    if (opts.username && opts.password) headers.set("authorization", `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString("base64")}`);
    if (context && opts.method === "post") headers.set("i-twilio-idempotency-token", context.idempotencyKey);
    const form = new URLSearchParams();
    appendAll(form, opts.data as object | undefined);
    const method = opts.method.toUpperCase();
    const body = opts.data ? form.toString() : undefined;
    const response = await guardedFetch(url.toString(), { method, headers: Object.fromEntries(headers), body, signal: context?.signal, timeoutMs: opts.timeout ?? TIMEOUT_MS }, "Twilio");
    // A string body: the SDK parses it (and its RestException reads code and message from it).
    return { statusCode: response.status, body: response.text as TData, headers: Object.fromEntries(response.headers) } as Response<TData>;
  }
}
