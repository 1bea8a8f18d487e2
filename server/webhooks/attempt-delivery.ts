import { ChannelError } from "@/plugins/sdk/errors";
import { guardedFetch } from "@/plugins/sdk/outgoing";
import { decryptSecret } from "@/server/crypto/secrets";
import { signedHeaders } from "./sign";

export interface TAttemptResult {
  ok: boolean;
  responseStatus: number | null;
  latencyMs: number;
  responseExcerpt: string | null;
  error: string | null;
}

const TIMEOUT_MS = 10_000;
const EXCERPT_CHARS = 500;

/** One signed POST of one delivery through the outgoing guard; a 2xx answer is success, anything else (or no answer in 10 s) a failure. */
export async function attemptDelivery(endpoint: { url: string; secret: string }, delivery: { eventId: string; payload: unknown }): Promise<TAttemptResult> {
  const body = JSON.stringify(delivery.payload);
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    const headers = signedHeaders(decryptSecret(endpoint.secret), delivery.eventId, body);
    const res = await guardedFetch(endpoint.url, { method: "POST", headers, body, timeoutMs: TIMEOUT_MS }, "Webhook");
    const ok = res.status >= 200 && res.status < 300;
    return { ok, responseStatus: res.status, latencyMs: latency(), responseExcerpt: res.text.slice(0, EXCERPT_CHARS), error: ok ? null : `The endpoint answered ${res.status}` };
  } catch (error) {
    const message = error instanceof ChannelError ? error.message : "Webhook: the request failed";
    return { ok: false, responseStatus: null, latencyMs: latency(), responseExcerpt: null, error: message };
  }
}
