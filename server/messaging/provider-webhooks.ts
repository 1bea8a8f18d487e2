import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { channelConfigurations, messageProviderIds } from "@/db/schema";
import { WebhookVerificationError } from "@/plugins/sdk";
import { senderFor } from "@/server/channels/configurations";
import { checkJsonValue } from "@/server/http/check-json";
import { recordMessageEvent } from "./message-events";

/**
 * A provider's webhook for one configuration (`/api/webhooks/channels/<id>`): the plugin
 * verifies the signature and reads the events; each is matched to its message by the
 * provider's message id and recorded (a bounce or complaint also suppresses the address).
 */
export async function handleProviderWebhook(configurationId: string, request: Request): Promise<Response> {
  if (!z.uuid().safeParse(configurationId).success) return Response.json({ error: "Unknown configuration" }, { status: 404 });
  const db = await getDb();
  const [config] = await db.select().from(channelConfigurations).where(eq(channelConfigurations.id, configurationId));
  if (!config) return Response.json({ error: "Unknown configuration" }, { status: 404 });
  const sender = senderFor(config);
  if (!sender.parseWebhook) return Response.json({ error: `${config.pluginId} does not take webhooks` }, { status: 404 });
  let events;
  try {
    events = await sender.parseWebhook(request);
    // Provider ids and reasons are compared and stored: what PostgreSQL cannot hold is refused here.
    checkJsonValue(events, { strings: true, name: "webhook" });
  } catch (error) {
    if (error instanceof WebhookVerificationError) return Response.json({ error: error.message }, { status: 401 });
    return Response.json({ error: "Unreadable webhook" }, { status: 400 });
  }
  let recorded = 0;
  for (const event of events) {
    const [message] = await db
      .select({ id: messageProviderIds.messageId })
      .from(messageProviderIds)
      .where(and(eq(messageProviderIds.configurationId, config.id), eq(messageProviderIds.providerMessageId, event.providerMessageId)));
    if (!message) continue;
    await recordMessageEvent(message.id, event.type, { provider: config.pluginId, ...(event.url ? { url: event.url } : {}), ...(event.reason ? { reason: event.reason } : {}), ...(event.permanent !== undefined ? { permanent: event.permanent } : {}) });
    recorded++;
  }
  return Response.json({ received: events.length, recorded });
}
