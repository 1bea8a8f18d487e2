import { Webhook } from "svix";
import { z } from "zod";
import { WebhookVerificationError, type TDeliveryEvent, type TDeliveryEventType } from "../sdk";

// Resend signs its webhooks with Svix (svix-id, svix-timestamp, svix-signature headers;
// timestamps older than 5 minutes are refused, so a captured webhook cannot be replayed).

const TYPES: Record<string, TDeliveryEventType> = {
  "email.delivered": "delivered",
  "email.bounced": "bounced",
  "email.complained": "complained",
  "email.opened": "opened",
  "email.clicked": "clicked",
  "email.failed": "failed",
  // Resend refused to send to an address on its suppression list: suppress it here too.
  "email.suppressed": "bounced",
};

const ZEmailEvent = z.object({
  type: z.string(),
  created_at: z.string(),
  data: z.object({
    email_id: z.string().min(1),
    bounce: z.object({ type: z.string(), message: z.string().optional() }).optional(),
    click: z.object({ link: z.string() }).optional(),
    failed: z.object({ reason: z.string() }).optional(),
  }),
});

export async function parseResendWebhook(request: Request, signingSecret: string | undefined): Promise<TDeliveryEvent[]> {
  if (!signingSecret) throw new WebhookVerificationError("This Resend channel has no webhook signing secret");
  const payload = await request.text();
  const headers = Object.fromEntries(["svix-id", "svix-timestamp", "svix-signature"].map((h) => [h, request.headers.get(h) ?? ""]));
  try {
    new Webhook(signingSecret).verify(payload, headers);
  } catch (error) {
    throw new WebhookVerificationError(`Resend webhook signature is invalid: ${(error as Error).message}`);
  }
  let body: { type?: unknown };
  try {
    body = JSON.parse(payload) as { type?: unknown };
  } catch {
    throw new WebhookVerificationError("Resend webhook body is not JSON");
  }
  const type = typeof body.type === "string" ? body.type : "";
  const mapped = TYPES[type];
  // Sent, delayed, scheduled, contact and domain events change nothing for a message.
  if (!mapped) return [];
  const parsed = ZEmailEvent.safeParse(body);
  if (!parsed.success) throw new WebhookVerificationError(`Resend ${type} webhook has an unexpected shape`);
  const { data, created_at } = parsed.data;
  const event: TDeliveryEvent = { type: mapped, providerMessageId: data.email_id, at: new Date(created_at) };
  if (type === "email.bounced") Object.assign(event, { permanent: data.bounce?.type === "Permanent", reason: data.bounce?.message });
  if (type === "email.suppressed") Object.assign(event, { permanent: true, reason: "Suppressed by Resend" });
  if (type === "email.failed") event.reason = data.failed?.reason;
  if (type === "email.clicked") event.url = data.click?.link;
  return [event];
}
