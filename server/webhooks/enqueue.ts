import { randomUUID } from "node:crypto";
import { getDb, type DbOrTx } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import { log } from "@/server/observability/logger";
import { canPublishEvents, publishEvents } from "@/server/workflows/client";
import { webhooksQueued } from "@/server/workflows/events";
import { payloadOf, type TWebhookEvent } from "./event-types";
import { subscribedEndpoints } from "./subscriptions";

/**
 * Appends a workspace's events to the webhook outbox: one row per event and subscribed
 * endpoint, in one multi-row insert (none at all when nothing subscribes; the check is
 * cached). Pass the transaction that records the events so both land together.
 */
export async function enqueueWebhookEvents(workspaceId: string, events: TWebhookEvent[], tx?: DbOrTx): Promise<number> {
  const rows: (typeof webhookDeliveries.$inferInsert)[] = [];
  const byType = new Map<string, string[]>();
  for (const event of events) {
    if (!byType.has(event.type)) byType.set(event.type, await subscribedEndpoints(workspaceId, event.type, tx));
    const endpoints = byType.get(event.type)!;
    if (endpoints.length === 0) continue;
    const eventId = `msg_${randomUUID().replaceAll("-", "")}`;
    const payload = payloadOf(event);
    for (const endpointId of endpoints) rows.push({ workspaceId, endpointId, eventId, eventType: event.type, payload });
  }
  if (rows.length === 0) return 0;
  await (tx ?? (await getDb())).insert(webhookDeliveries).values(rows);
  wakeDrainer(workspaceId);
  return rows.length;
}

/**
 * Starts the drainer (webhooks.deliver), not awaited: the caller's transaction may hold PGlite's
 * one connection, and the drainer settles 2 s before reading. When events cannot be published,
 * its hourly sweep sends the rows.
 */
function wakeDrainer(workspaceId: string): void {
  if (!canPublishEvents()) return;
  setTimeout(() => void publishEvents(webhooksQueued.create({ workspaceId })).catch((error: Error) => log().warn({ err: error }, "webhooks: could not wake the drainer")), 0);
}

/** Events of several workspaces (a send batch may span one only, but a provider callback batch may not). */
export async function enqueueWorkspaceEvents(items: { workspaceId: string; event: TWebhookEvent }[], tx?: DbOrTx): Promise<void> {
  const grouped = new Map<string, TWebhookEvent[]>();
  for (const { workspaceId, event } of items) grouped.set(workspaceId, [...(grouped.get(workspaceId) ?? []), event]);
  for (const [workspaceId, events] of grouped) await enqueueWebhookEvents(workspaceId, events, tx);
}
