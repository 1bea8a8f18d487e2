import { ChannelError, errorFromHttpStatus } from "./errors";
import { guardedFetch, type TOutgoingResponse } from "./outgoing/guarded-fetch";

export interface TProviderRequest {
  method?: string;
  headers?: Record<string, string>;
  /** Sent as JSON unless it is already a string. */
  body?: unknown;
  signal: AbortSignal;
  /** Milliseconds before the attempt is abandoned as retryable; 15 s by default. */
  timeoutMs?: number;
  /** The provider's error code in a refusal's body (e.g. Slack's "invalid_payload"); http_<status> otherwise. */
  errorCodeOf?: (text: string) => string | undefined;
}

export type TProviderResponse = TOutgoingResponse;

/**
 * One HTTP call to a provider, through guardedFetch (public addresses only, no redirect
 * followed): network failures and timeouts become retryable ChannelErrors, a non-2xx answer
 * becomes errorFromHttpStatus() with the provider's error text. `label` names the provider
 * in messages ("Slack", "Webhook").
 */
export async function providerFetch(url: string, request: TProviderRequest, label: string): Promise<TProviderResponse> {
  const body = request.body === undefined || typeof request.body === "string" ? request.body : JSON.stringify(request.body);
  const headers = { ...(typeof request.body === "object" ? { "content-type": "application/json" } : {}), ...request.headers };
  const response = await guardedFetch(url, { method: request.method ?? "POST", headers, body, signal: request.signal, timeoutMs: request.timeoutMs }, label);
  const { status, text } = response;
  if (status >= 300 && status < 400) throw new ChannelError(`${label} answered with a redirect (HTTP ${status}); redirects are not followed: give the final URL`, false, `http_${status}`);
  if (status < 200 || status >= 300) {
    const error = errorFromHttpStatus(status, `${label} refused the request: ${text.slice(0, 200) || response.statusText}`);
    throw new ChannelError(error.message, error.retryable, request.errorCodeOf?.(text) ?? error.code);
  }
  return response;
}
