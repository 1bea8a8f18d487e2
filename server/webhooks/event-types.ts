import { z } from "zod";

/** The event types an endpoint may subscribe to (docs/api.md, "Webhooks"). */
export const WEBHOOK_EVENT_TYPES = [
  "message.sent",
  "message.delivered",
  "message.opened",
  "message.clicked",
  "message.bounced",
  "message.complained",
  "message.failed",
  "message.unsubscribed",
  "profile.created",
  "profile.merged",
  "profile.deleted",
  "journey.entered",
  "journey.exited",
  "campaign.started",
  "campaign.completed",
] as const;

export type TWebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent by "Send test event" only; no endpoint subscribes to it. */
export const TEST_EVENT_TYPE = "webhook.test";

export const ZWebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);

/** One event as the outbox receives it: its type, its data, and when it happened. */
export interface TWebhookEvent {
  type: TWebhookEventType | typeof TEST_EVENT_TYPE;
  data: Record<string, unknown>;
  timestamp?: Date;
}

/** The body every endpoint receives: `{ type, timestamp, data }`. */
export function payloadOf(event: TWebhookEvent): Record<string, unknown> {
  return { type: event.type, timestamp: (event.timestamp ?? new Date()).toISOString(), data: event.data };
}
