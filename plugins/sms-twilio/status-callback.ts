import twilio from "twilio";
import { WebhookVerificationError, type TDeliveryEvent } from "../sdk";

// Twilio posts a form to the message's StatusCallback at each status change, signed in
// X-Twilio-Signature: base64 HMAC-SHA1, keyed by the auth token, of the URL it called
// followed by every parameter name and value in name order.

// Failures that say the number can never receive SMS: the address is suppressed.
const NUMBER_GONE = new Set(["21211", "21614", "30005", "30006"]);
const UNSUBSCRIBED = "21610";

/**
 * `callbackUrl` is the URL Twilio was given (and signed); the request's own URL may differ
 * behind a proxy, so either verifies.
 */
export async function parseStatusCallback(request: Request, authToken: string, callbackUrl: string | undefined): Promise<TDeliveryEvent[]> {
  const body = await request.text();
  const signature = request.headers.get("x-twilio-signature");
  if (!signature) throw new WebhookVerificationError("Twilio status callback has no X-Twilio-Signature");
  if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) throw new WebhookVerificationError("Twilio status callback is not a form");
  const params = Object.fromEntries(new URLSearchParams(body));
  const urls = [callbackUrl, request.url].filter((u): u is string => Boolean(u));
  if (!urls.some((url) => twilio.validateRequest(authToken, signature, url, params))) throw new WebhookVerificationError("Twilio status callback signature is invalid");
  const sid = params.MessageSid ?? params.SmsSid;
  const status = params.MessageStatus ?? params.SmsStatus;
  if (!sid || !status) throw new WebhookVerificationError("Twilio status callback has no MessageSid or MessageStatus");
  const errorCode = params.ErrorCode;
  if (status === "delivered") return [{ type: "delivered", providerMessageId: sid }];
  if (status !== "undelivered" && status !== "failed") return []; // queued, sending, sent...: nothing new
  if (errorCode === UNSUBSCRIBED) return [{ type: "unsubscribed", providerMessageId: sid, reason: "The recipient replied STOP" }];
  if (errorCode && NUMBER_GONE.has(errorCode)) return [{ type: "bounced", providerMessageId: sid, permanent: true, reason: `Twilio error ${errorCode}` }];
  return [{ type: "failed", providerMessageId: sid, reason: errorCode ? `Twilio error ${errorCode}` : `Twilio status ${status}` }];
}
