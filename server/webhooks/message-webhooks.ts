import type { messages, TMessageEventType } from "@/db/schema";
import { log } from "@/server/observability/logger";
import { enqueueWorkspaceEvents } from "./enqueue";
import type { TWebhookEventType } from "./event-types";

const FORWARDED: Partial<Record<TMessageEventType, TWebhookEventType>> = {
  sent: "message.sent",
  delivered: "message.delivered",
  opened: "message.opened",
  clicked: "message.clicked",
  bounced: "message.bounced",
  complained: "message.complained",
  failed: "message.failed",
  unsubscribed: "message.unsubscribed",
};

type TItem = { message: typeof messages.$inferSelect; type: TMessageEventType; url?: string };

/**
 * A batch of message events as webhook events: called where a batch's history is stored, it
 * adds one outbox insert per workspace when an endpoint there hears those types (the check is
 * cached), nothing otherwise. A failure is logged, never thrown: the history is already stored.
 */
export async function enqueueMessageWebhooks(items: TItem[]): Promise<void> {
  const events = items.flatMap(({ message, type, url }) => {
    const webhookType = FORWARDED[type];
    if (!webhookType) return [];
    const data = { messageId: message.id, profileId: message.profileId, channel: message.kind, sourceType: message.sourceType, sourceId: message.sourceId, ...(url ? { url } : {}) };
    return [{ workspaceId: message.workspaceId, event: { type: webhookType, data } }];
  });
  if (events.length === 0) return;
  try {
    await enqueueWorkspaceEvents(events);
  } catch (error) {
    log().error({ err: error }, `webhooks: could not enqueue ${events.length} message event(s)`);
  }
}
