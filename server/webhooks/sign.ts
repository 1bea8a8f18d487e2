import { randomBytes } from "node:crypto";
import { Webhook } from "svix";

/** A new endpoint secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** The Standard Webhooks headers of one attempt: the id is the event's, the timestamp the attempt's. */
export function signedHeaders(secret: string, eventId: string, body: string, at: Date = new Date()): Record<string, string> {
  const signature = new Webhook(secret).sign(eventId, at, body);
  return {
    "content-type": "application/json",
    "user-agent": "Parcours-Webhooks/1",
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  };
}
