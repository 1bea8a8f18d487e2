import { createHash } from "node:crypto";
import webpush from "web-push";
import { z } from "zod";
import { ChannelError, classifyError, defineChannelPlugin, permanentError, pushKind, retryableError, secret, type TPushMessage, type TSendResult } from "../sdk";
import { postPush } from "./deliver";
import { isVapidPrivateKey, isVapidPublicKey, vapidKeysMatch } from "./vapid";

// Push services refuse bodies over 4096 bytes; encryption adds a header and padding.
const MAX_PAYLOAD_BYTES = 3_800;

const isSubject = (v: string) => /^mailto:[^@\s]+@[^@\s]+$/.test(v) || (URL.canParse(v) && new URL(v).protocol === "https:");

const settings = z.object({
  vapidPublicKey: z
    .string()
    .trim()
    .refine(isVapidPublicKey, "A VAPID public key is 87 base64url characters (an uncompressed P-256 key)")
    .meta({ title: "VAPID public key", description: "Browsers subscribe with it (applicationServerKey)." }),
  vapidPrivateKey: secret("VAPID private key").refine(isVapidPrivateKey, "A VAPID private key is 43 base64url characters (32 bytes)"),
  subject: z
    .string()
    .trim()
    .refine(isSubject, "Enter a mailto: address or an https:// URL where push services can reach you")
    .meta({ title: "Contact (VAPID subject)", placeholder: "mailto:ops@example.com" }),
  ttlSeconds: z
    .number()
    .int()
    .min(0)
    .max(2_419_200, "Push services keep a message 4 weeks (2419200 s) at most")
    .default(86_400)
    .meta({ title: "Time to live (seconds)", description: "How long a push service keeps the message for an offline device." }),
  iconUrl: z.url("Enter the URL of the notification icon").optional().meta({ title: "Icon URL" }),
});

export default defineChannelPlugin({
  meta: {
    id: "push-webpush",
    kind: pushKind.id,
    name: "Web Push",
    description: "Sends browser notifications with the Web Push protocol (VAPID, aes128gcm), no third-party account needed.",
    icon: "bell",
    docsUrl: "https://developer.mozilla.org/en-US/docs/Web/API/Push_API",
  },
  settings,
  create(s) {
    const vapidDetails = { subject: s.subject, publicKey: s.vapidPublicKey, privateKey: s.vapidPrivateKey };
    return {
      async send(message: TPushMessage, recipient, { idempotencyKey, signal }): Promise<TSendResult> {
        const subscriptions = recipient.webPushSubscriptions ?? [];
        if (subscriptions.length === 0) throw permanentError("The profile has no Web Push subscription", "no_address");
        if (signal.aborted) throw retryableError("The send was cancelled", "aborted");
        const payload = JSON.stringify(payloadOf(message, s.iconUrl));
        if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) throw permanentError(`The notification is too long for Web Push (${MAX_PAYLOAD_BYTES} bytes at most)`, "payload_too_large");
        // A push service replaces a still-undelivered message with the same Topic: a retry
        // of this message cannot show twice on a device that was offline.
        const topic = createHash("sha256").update(idempotencyKey).digest("base64url").slice(0, 32);
        const results = await Promise.all(
          subscriptions.map(async (subscription) => {
            let details: webpush.RequestDetails;
            try {
              details = webpush.generateRequestDetails(subscription, payload, { vapidDetails, TTL: s.ttlSeconds, topic });
            } catch (error) {
              return permanentError(`Web Push: the subscription is invalid: ${(error as Error).message}`, "invalid_subscription");
            }
            const headers = Object.fromEntries(Object.entries(details.headers as Record<string, string | number>).filter(([name]) => name.toLowerCase() !== "content-length").map(([k, v]) => [k, String(v)]));
            return postPush(subscription, { endpoint: details.endpoint, headers, body: details.body as Buffer }, signal).then(
              (location) => ({ location }),
              (error: unknown) => classifyError(error),
            );
          }),
        );
        return outcomeOf(results);
      },

      async testConnection() {
        if (!vapidKeysMatch(s.vapidPublicKey, s.vapidPrivateKey)) return { ok: false, message: "The VAPID private key does not belong to this public key" };
        try {
          webpush.getVapidHeaders("https://push.example.com", s.subject, s.vapidPublicKey, s.vapidPrivateKey, "aes128gcm");
        } catch (error) {
          return { ok: false, message: `The VAPID keys cannot sign: ${(error as Error).message}` };
        }
        return { ok: true, message: "The VAPID keys are a valid pair" };
      },
    };
  },
});

/** What the service worker's push handler receives (event.data.json()). */
export function payloadOf(message: TPushMessage, iconUrl: string | undefined) {
  return { title: message.title, body: message.body, icon: iconUrl, image: message.imageUrl, url: message.url, data: message.data };
}

/**
 * Sent when one subscription took it (a profile's other browsers may be gone). When none
 * did: retryable if any failure may pass later, else permanent; `subscription_gone` when
 * every subscription is gone, so the core can delete them.
 */
function outcomeOf(results: ({ location?: string } | ChannelError)[]): TSendResult {
  const sent = results.filter((r): r is { location?: string } => !(r instanceof ChannelError));
  if (sent.length > 0) return { status: "sent", providerMessageId: sent.find((r) => r.location)?.location };
  const errors = results as ChannelError[];
  if (errors.every((e) => e.code === "subscription_gone")) throw permanentError(`Web Push: all ${errors.length} subscription(s) are gone`, "subscription_gone");
  throw errors.find((e) => e.retryable) ?? errors[0];
}
