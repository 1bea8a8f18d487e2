import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { recordAudit } from "@/server/audit/record-audit";
import { attemptDelivery, type TAttemptResult } from "./attempt-delivery";
import { DISABLE_AFTER_MS, nextAttemptAfter } from "./retry-policy";
import { forgetSubscriptions } from "./subscriptions";

type TDelivery = typeof webhookDeliveries.$inferSelect;
type TEndpoint = typeof webhookEndpoints.$inferSelect;

const BATCH = 100;
const PARALLEL = 10;
/** A claimed row is someone's for this long: a crashed drainer's rows come back after it. */
const LEASE = "2 minutes";

/**
 * Sends the due deliveries, up to BATCH of them: claimed with SKIP LOCKED and leased, so
 * drainers in several processes never send one row twice at once. Returns how many were tried.
 * A row queued in this very millisecond is due too: its default time is PostgreSQL's, in
 * microseconds, and `now` is JavaScript's, cut to the millisecond.
 */
export async function drainWebhookOutbox(now = new Date()): Promise<number> {
  const db = await getDb();
  const claimed = await db.execute(sql`
    update webhook_deliveries d set next_attempt_at = ${now.toISOString()}::timestamptz + interval '${sql.raw(LEASE)}'
    where d.id in (select id from webhook_deliveries where status = 'pending' and next_attempt_at <= greatest(statement_timestamp(), ${now.toISOString()}::timestamptz) order by next_attempt_at limit ${BATCH} for update skip locked)
    returning d.id`);
  const ids = rowsOf<{ id: string }>(claimed).map((r) => r.id);
  if (ids.length === 0) return 0;
  const rows = await db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.id, ids));
  const endpoints = await db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, [...new Set(rows.map((r) => r.endpointId))]));
  const byId = new Map(endpoints.map((e) => [e.id, e]));
  for (let i = 0; i < rows.length; i += PARALLEL) {
    await Promise.all(rows.slice(i, i + PARALLEL).map((row) => deliverOne(row, byId.get(row.endpointId)!)));
  }
  return rows.length;
}

/** When the earliest pending delivery is due (ISO), or null when none is pending. */
export async function nextDueDelivery(): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ at: sql<Date | string>`min(${webhookDeliveries.nextAttemptAt})` }).from(webhookDeliveries).where(eq(webhookDeliveries.status, "pending"));
  return row?.at ? new Date(row.at).toISOString() : null;
}

/** One attempt of one delivery, recorded in the log; the endpoint's failure streak follows it. */
export async function deliverOne(row: TDelivery, endpoint: TEndpoint): Promise<TAttemptResult & { status: string }> {
  const db = await getDb();
  if (!endpoint.enabled) {
    const result = { ok: false, responseStatus: null, latencyMs: 0, responseExcerpt: null, error: "The endpoint is disabled" };
    await db.update(webhookDeliveries).set({ status: "failed", error: result.error }).where(eq(webhookDeliveries.id, row.id));
    return { ...result, status: "failed" };
  }
  const result = await attemptDelivery(endpoint, row);
  const at = new Date();
  const attempts = row.attempts + 1;
  const next = result.ok ? null : nextAttemptAfter(attempts, at);
  const status = result.ok ? "succeeded" : next ? "pending" : "failed";
  await followStreak(endpoint, result.ok, at);
  // A delivery of an endpoint just disabled (by this attempt or a parallel one) is failed, not queued.
  const stillQueued = sql`case when ${status} = 'pending' and not exists (select 1 from webhook_endpoints e where e.id = ${endpoint.id} and e.enabled) then 'failed' else ${status} end`;
  await db
    .update(webhookDeliveries)
    .set({ status: stillQueued, attempts, lastAttemptAt: at, nextAttemptAt: next ?? at, responseStatus: result.responseStatus, latencyMs: result.latencyMs, responseExcerpt: result.responseExcerpt, error: result.error })
    .where(eq(webhookDeliveries.id, row.id));
  return { ...result, status };
}

/** A success ends the endpoint's failure streak; a failure starts one or, 5 days into it, disables the endpoint (audited). */
async function followStreak(endpoint: TEndpoint, ok: boolean, at: Date): Promise<void> {
  const db = await getDb();
  const where = and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.enabled, true));
  if (ok) {
    await db.update(webhookEndpoints).set({ failingSince: null }).where(and(where, sql`${webhookEndpoints.failingSince} is not null`));
    return;
  }
  const since = await db.update(webhookEndpoints).set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${at.toISOString()}::timestamptz)` }).where(where).returning({ failingSince: webhookEndpoints.failingSince });
  const failingSince = since[0]?.failingSince;
  if (!failingSince || at.getTime() - failingSince.getTime() < DISABLE_AFTER_MS) return;
  const reason = `Disabled on ${at.toISOString().slice(0, 10)}: every delivery failed since ${failingSince.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  await db.transaction(async (tx) => {
    const [disabled] = await tx.update(webhookEndpoints).set({ enabled: false, disabledReason: reason, updatedAt: at }).where(where).returning({ id: webhookEndpoints.id });
    if (!disabled) return;
    await tx.update(webhookDeliveries).set({ status: "failed", error: "The endpoint is disabled" }).where(and(eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookDeliveries.status, "pending")));
    await recordAudit(tx, { workspaceId: endpoint.workspaceId, actor: { userId: null, label: "webhooks" }, action: "webhook.disable", entityType: "webhook", entityId: endpoint.id, diff: { enabled: { from: true, to: false }, disabledReason: { to: reason } } });
  });
  forgetSubscriptions(endpoint.workspaceId);
}
