import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { anyIdOf } from "@/db/any-of";
import type { TMessageStatus } from "@/db/schema";
import { publishMessageEvents, type TMessageRow } from "./message-events";

/** What sending adds to a message's history (reactions and bounces come later, through recordMessageEvent). */
export type TSendEventType = "sent" | "delivered" | "failed" | "suppressed" | "deferred" | "retried";

/** How one send ended: the message's new fields and the events it adds. */
export interface TMessageResult {
  message: TMessageRow;
  status: TMessageStatus;
  /** The address as sent to; kept when null. */
  recipient: string | null;
  /** The rendered message; kept when null. */
  content?: Record<string, unknown> | null;
  /** An email stored by reference: its version's key and the merge values it read (content-refs.ts). */
  contentKey?: string | null;
  contentScope?: Record<string, unknown> | null;
  providerMessageId?: string | null;
  /** The configuration it went through, when its plugin takes delivery webhooks (they name the message by providerMessageId): that id is kept findable. */
  webhookConfigurationId?: string | null;
  error: string | null;
  deferredUntil?: Date | null;
  sentAt?: Date | null;
  events: { type: TSendEventType; data?: Record<string, unknown> }[];
}

/**
 * Stores the outcome of many sends in one statement: the messages' UPDATE, their events' and
 * provider ids' INSERTs as data-modifying CTEs (atomic, no BEGIN/COMMIT round trips), each list as one JSON
 * parameter; then publishes the events (except `retried`) in as few sends as it can. Delivery
 * news that already arrived (bounced, complained) is never overwritten. A message deleted
 * meanwhile (its profile was) gets no history rows: the tables have no foreign key to refuse them.
 */
export async function recordResults(db: DbOrTx, results: TMessageResult[], now = new Date()): Promise<void> {
  if (results.length === 0) return;
  // Short keys and each message's events inside its row: this JSON is most of what a send
  // writes to the socket and what PostgreSQL parses.
  const rows = results.map((r) => ({
    i: r.message.id,
    s: r.status,
    r: r.recipient,
    c: r.content ?? null,
    k: r.contentKey ?? null,
    cs: r.contentScope ?? null,
    p: r.providerMessageId ?? null,
    e: r.error,
    du: r.deferredUntil?.toISOString() ?? null,
    sa: r.sentAt?.toISOString() ?? null,
    ev: r.events.map((e) => (e.data ? { t: e.type, d: e.data } : { t: e.type })),
  }));
  const providerIds = results.flatMap((r) => (r.webhookConfigurationId && r.providerMessageId ? [{ c: r.webhookConfigurationId, p: r.providerMessageId, m: r.message.id }] : []));
  await db.execute(sql`with x as (
      select * from rows from (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as (i uuid, s text, r text, c jsonb, k text, cs jsonb, p text, e text, du timestamptz, sa timestamptz, ev jsonb))
        with ordinality as x(id, status, recipient, content, content_key, content_scope, provider_message_id, error, deferred_until, sent_at, events, n)),
    updated as (
      update messages m set
        status = case when m.status in ('bounced', 'complained') then m.status else x.status end,
        recipient = coalesce(x.recipient, m.recipient),
        content = coalesce(x.content, m.content),
        content_key = coalesce(x.content_key, m.content_key), content_scope = coalesce(x.content_scope, m.content_scope),
        provider_message_id = coalesce(x.provider_message_id, m.provider_message_id),
        error = x.error, deferred_until = x.deferred_until, sent_at = coalesce(x.sent_at, m.sent_at), updated_at = ${now.toISOString()}::timestamptz
      from x where ${anyIdOf(sql`m.id`, "x")} and m.id = x.id
      returning m.id, m.workspace_id),
    history as (
      insert into message_events (message_id, workspace_id, type, data)
      select x.id, u.workspace_id, e.type, coalesce(e.data, '{}'::jsonb)
      from x join updated u on u.id = x.id
      cross join lateral rows from (jsonb_to_recordset(x.events) as (t text, d jsonb)) with ordinality as e(type, data, n)
      order by x.n, e.n
      returning 1),
    provider_ids as (
      insert into message_provider_ids (configuration_id, provider_message_id, message_id)
      select x.c, x.p, x.m from jsonb_to_recordset(${JSON.stringify(providerIds)}::jsonb) as x(c uuid, p text, m uuid)
      join updated u on u.id = x.m
      on conflict do nothing
      returning 1)
    select (select count(*) from updated) as updated, (select count(*) from history) as events, (select count(*) from provider_ids) as provider_ids`);
  await publishMessageEvents(results.flatMap((r) => r.events.filter((e) => e.type !== "retried").map((e) => ({ message: r.message, type: e.type }))));
}
