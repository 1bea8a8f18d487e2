import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { observeAttributeTypes } from "@/server/profiles/attribute-types";
import { retryVictims } from "@/db/transaction";
import { insertByIdentitySql } from "./insert-by-identity";
import type { TIdentity } from "@/server/profiles/resolve-profile";
import { EVENT_COLUMNS, EVENT_JSON_COLUMNS, EVENT_ON_CONFLICT, eventValuesFromJson } from "./event-rows";
import { markSeen, seenRecently } from "./last-seen";
import { touchProfilesSql } from "./touch-profiles";
import { traitsOf, type TAfterCommit, type TStorable } from "./store-calls";

/** The insert by profile id, as text around the JSON parameter, built once. Only business events need their properties back. */
const INSERT_BY_PROFILE: [SQL, SQL] = [
  sql.raw(`insert into events (${EVENT_COLUMNS}) select ${eventValuesFromJson()} from rows from (jsonb_to_recordset(`),
  sql`::jsonb) as (${sql.raw(EVENT_JSON_COLUMNS)})) with ordinality as x
    order by x.ordinality
    ${sql.raw(EVENT_ON_CONFLICT)}
    returning id, message_id as "messageId", profile_id as "profileId", "timestamp", case when definition_id is null then null else properties end as properties`,
];

/** An event's profile: known already, or the owner of this identity, who must own `more` too (else the row is skipped). */
export type TPlannedEvent = { item: TStorable; profileId: string } | { item: TStorable; identity: TIdentity; more?: TIdentity[] };

/**
 * Inserts the events in one statement (a messageId seen before is a duplicate), then touches
 * their profiles. Events planned by identity find their profile in the same statement, which
 * also applies identify traits (insert-by-identity.ts); one it cannot place is not stored
 * (its `stored` stays unset).
 */
export async function storeEvents(tx: DbOrTx, workspaceId: string, planned: TPlannedEvent[], now: Date, after: TAfterCommit): Promise<void> {
  if (planned.length === 0) return;
  const byIdentity = "identity" in planned[0]!;
  const rows = planned.map((p) => ({
    workspaceId,
    profileId: "profileId" in p ? p.profileId : null,
    ns: "identity" in p ? p.identity.namespace : null,
    value: "identity" in p ? p.identity.value : null,
    more: "more" in p && p.more?.length ? p.more : null,
    tz: timezoneOf(p.item.call),
    ...eventColumnsOf(p.item),
  }));
  const json = JSON.stringify(rows.map((r) => ({ ...r, timestamp: r.timestamp.toISOString() })));
  // Rows are inserted in order, so of two calls with one messageId the first is stored.
  const [head, tail] = byIdentity ? insertByIdentitySql(now) : INSERT_BY_PROFILE;
  const statement = sql`${head}${json}${tail}`;
  // Outside a transaction the statement alone is retried when chosen as a deadlock victim (nothing of it was written).
  const result = byIdentity ? await retryVictims(() => tx.execute(statement)) : await tx.execute(statement);
  const stored = rowsOf<{ id: string; messageId: string; profileId: string; timestamp: Date | string; properties: Record<string, unknown> | null; applied?: boolean; touched?: boolean }>(result);
  const byMessageId = new Map(stored.map((s) => [s.messageId, s]));
  const touches = new Map<string, { traits: Record<string, unknown> | null; timezone: string | null }>();
  const seen: string[] = [];
  const observed: Record<string, unknown>[] = [];
  for (const [k, { item }] of planned.entries()) {
    const row = byMessageId.get(rows[k]!.messageId);
    if (!row) continue;
    const profileId = row.profileId;
    byMessageId.delete(rows[k]!.messageId);
    item.stored = true;
    const { call, definition } = item;
    const traits = traitsOf(call);
    if (traits) observed.push(traits);
    if (definition) after.published.push({ workspaceId, profileId, definitionId: definition.id, name: definition.name, eventId: row.id, properties: row.properties ?? {}, timestamp: new Date(row.timestamp).toISOString() });
    if (row.applied) {
      if (row.touched) seen.push(profileId);
      continue;
    }
    const touch = touches.get(profileId) ?? { traits: null, timezone: null };
    if (traits && Object.keys(traits).length) touch.traits = { ...touch.traits, ...traits };
    touch.timezone = rows[k]!.tz ?? touch.timezone;
    touches.set(profileId, touch);
  }
  if (seen.length) after.committed.push(() => markSeen(seen, now));
  for (const [id, touch] of touches) if (!touch.traits && !touch.timezone && seenRecently(id, now)) touches.delete(id);
  if (touches.size) {
    // Sorted, so concurrent batches lock profiles in one order.
    const list = JSON.stringify([...touches].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, t]) => ({ id, ...t })));
    const touched = await tx.execute(touchProfilesSql(now, list));
    const ids = rowsOf<{ id: string }>(touched).map((r) => r.id);
    after.committed.push(() => markSeen(ids, now));
  }
  if (observed.length) after.committed.push(await observeAttributeTypes(tx, workspaceId, observed));
}

/** The time zone a call sets on its profile: an identify's `timezone` trait, else the context's. */
function timezoneOf(call: TStorable["call"]): string | null {
  const traits = traitsOf(call);
  return typeof traits?.timezone === "string" ? traits.timezone : typeof call.context?.timezone === "string" ? call.context.timezone : null;
}

function eventColumnsOf({ call, definition, receivedAt }: TStorable) {
  return {
    type: call.type,
    name: call.type === "track" ? call.event : call.type === "page" || call.type === "screen" ? (call.name ?? null) : call.type === "group" ? call.groupId : null,
    properties: call.type === "identify" || call.type === "group" ? (call.traits ?? {}) : (call.properties ?? {}),
    context: call.context ?? null,
    messageId: call.messageId ?? crypto.randomUUID(),
    timestamp: call.timestamp ? new Date(call.timestamp) : receivedAt,
    definitionId: definition?.id ?? null,
  };
}
