import { ChannelError, errorFromHttpStatus } from "./errors";

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

export interface TProviderResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * One HTTP call to a provider: network failures and timeouts become retryable ChannelErrors,
 * a non-2xx answer becomes errorFromHttpStatus() with the provider's error text. `label`
 * names the provider in messages ("Slack", "Webhook").
 */
export async function providerFetch(url: string, request: TProviderRequest, label: string): Promise<TProviderResponse> {
  const body = request.body === undefined || typeof request.body === "string" ? request.body : JSON.stringify(request.body);
  const headers = { ...(typeof request.body === "object" ? { "content-type": "application/json" } : {}), ...request.headers };
  const signal = AbortSignal.any([request.signal, AbortSignal.timeout(request.timeoutMs ?? 15_000)]);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method: request.method ?? "POST", headers, body, signal, redirect: "manual" });
    text = await response.text();
  } catch (error) {
    if (request.signal.aborted) throw new ChannelError(`${label}: the send was cancelled`, true, "aborted");
    if (error instanceof Error && error.name === "TimeoutError") throw new ChannelError(`${label}: no answer in time`, true, "timeout");
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new ChannelError(`${label}: ${cause?.message ?? (error as Error).message}`, true, cause?.code ?? "network");
  }
  if (response.status < 200 || response.status >= 300) {
    const error = errorFromHttpStatus(response.status, `${label} refused the request: ${text.slice(0, 200) || response.statusText}`);
    throw new ChannelError(error.message, error.retryable, request.errorCodeOf?.(text) ?? error.code);
  }
  return { status: response.status, headers: response.headers, text };
}
