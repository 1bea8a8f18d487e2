import { and, desc, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { notFound } from "@/server/errors";
import { payloadOf, TEST_EVENT_TYPE } from "./event-types";
import { deliverOne } from "./drain-outbox";
import { scope } from "./manage-endpoints";

/** An endpoint's latest deliveries, newest first (the payload is left out: the page shows a line per attempt). */
export async function listDeliveries(workspaceId: string, endpointId: string, limit = 50) {
  const db = await getDb();
  await endpointOf(workspaceId, endpointId);
  return db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      responseStatus: webhookDeliveries.responseStatus,
      latencyMs: webhookDeliveries.latencyMs,
      responseExcerpt: webhookDeliveries.responseExcerpt,
      error: webhookDeliveries.error,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.endpointId, endpointId)))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(limit);
}

/** Sends a delivery's event again now, as a new log row with the same webhook-id (receivers may dedupe on it). */
export async function replayDelivery(workspaceId: string, deliveryId: string, actor: TActor) {
  const db = await getDb();
  const [row] = await db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.id, deliveryId)));
  if (!row) throw notFound("Delivery");
  const endpoint = await endpointOf(workspaceId, row.endpointId);
  await recordAudit(db, { workspaceId, actor, action: "webhook.replay", entityType: "webhook", entityId: endpoint.id, diff: { eventId: { to: row.eventId } } });
  return sendNow(endpoint, { eventId: row.eventId, eventType: row.eventType, payload: row.payload });
}

/** Delivers a `webhook.test` event at once and answers with what the endpoint said. */
export async function sendTestEvent(workspaceId: string, endpointId: string, actor: TActor) {
  const endpoint = await endpointOf(workspaceId, endpointId);
  await recordAudit(await getDb(), { workspaceId, actor, action: "webhook.test", entityType: "webhook", entityId: endpointId });
  const payload = payloadOf({ type: TEST_EVENT_TYPE, data: { endpointId, message: "A test event from Parcours" } });
  return sendNow(endpoint, { eventId: `msg_${randomUUID().replaceAll("-", "")}`, eventType: TEST_EVENT_TYPE, payload });
}

async function sendNow(endpoint: typeof webhookEndpoints.$inferSelect, event: { eventId: string; eventType: string; payload: Record<string, unknown> }) {
  const db = await getDb();
  // Leased like a drained row, so the drainer does not send it too while this attempt runs.
  const lease = new Date(Date.now() + 2 * 60_000);
  const [row] = await db.insert(webhookDeliveries).values({ workspaceId: endpoint.workspaceId, endpointId: endpoint.id, ...event, nextAttemptAt: lease }).returning();
  const result = await deliverOne(row!, { ...endpoint, enabled: true });
  return { deliveryId: row!.id, ...result };
}

async function endpointOf(workspaceId: string, endpointId: string) {
  const db = await getDb();
  const [endpoint] = await db.select().from(webhookEndpoints).where(scope(workspaceId, endpointId));
  if (!endpoint) throw notFound("Webhook endpoint");
  return endpoint;
}
