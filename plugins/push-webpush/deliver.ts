import { ChannelError, errorFromHttpStatus, type TWebPushSubscription } from "../sdk";

// providerFetch sends string or JSON bodies only; an encrypted push is binary, so this is
// its counterpart for one push service request, classifying failures the same way.

export interface TPushRequest {
  endpoint: string;
  headers: Record<string, string>;
  body: Buffer;
}

const TIMEOUT_MS = 15_000;

/** Posts one encrypted message; answers the push service's message URL (Location), when it gives one. */
export async function postPush(subscription: TWebPushSubscription, request: TPushRequest, signal: AbortSignal): Promise<string | undefined> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(request.endpoint, {
      method: "POST",
      headers: request.headers,
      body: new Uint8Array(request.body),
      signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
      redirect: "manual",
    });
    text = await response.text();
  } catch (error) {
    if (signal.aborted) throw new ChannelError("Web Push: the send was cancelled", true, "aborted");
    if (error instanceof Error && error.name === "TimeoutError") throw new ChannelError("Web Push: no answer in time", true, "timeout");
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new ChannelError(`Web Push: ${cause?.message ?? (error as Error).message}`, true, cause?.code ?? "network");
  }
  if (response.status >= 200 && response.status < 300) return response.headers.get("location") ?? undefined;
  const host = new URL(subscription.endpoint).host;
  // 404/410: the browser unsubscribed or the subscription expired; it will never work again.
  if (response.status === 404 || response.status === 410) {
    throw new ChannelError(`Web Push: the subscription at ${host} is gone (HTTP ${response.status})`, false, "subscription_gone");
  }
  throw errorFromHttpStatus(response.status, `Web Push: ${host} refused the message: ${text.slice(0, 200) || response.statusText}`);
}
