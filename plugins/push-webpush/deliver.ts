import { ChannelError, errorFromHttpStatus, guardedFetch, type TWebPushSubscription } from "../sdk";

// A subscription's endpoint comes from a browser through the API: any URL. It is called
// through guardedFetch like every user-given URL (public addresses only, no redirects).

export interface TPushRequest {
  endpoint: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** Posts one encrypted message; answers the push service's message URL (Location), when it gives one. */
export async function postPush(subscription: TWebPushSubscription, request: TPushRequest, signal: AbortSignal): Promise<string | undefined> {
  const response = await guardedFetch(request.endpoint, { method: "POST", headers: request.headers, body: request.body, signal }, "Web Push");
  if (response.status >= 200 && response.status < 300) return response.headers.get("location") ?? undefined;
  const host = new URL(subscription.endpoint).host;
  // 404/410: the browser unsubscribed or the subscription expired; it will never work again.
  if (response.status === 404 || response.status === 410) {
    throw new ChannelError(`Web Push: the subscription at ${host} is gone (HTTP ${response.status})`, false, "subscription_gone");
  }
  throw errorFromHttpStatus(response.status, `Web Push: ${host} refused the message: ${response.text.slice(0, 200) || response.statusText}`);
}
