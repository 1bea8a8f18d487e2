import { and, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { events, profileIdentities, profiles } from "@/db/schema";
import type { TDefinitionLike } from "@/server/events/match-definitions";
import type { TEventReceived } from "@/server/events/publish-business-events";
import { observeAttributeTypes } from "@/server/profiles/attribute-types";
import { identitiesOf, mergeProfiles, resolveProfile, type TIdentity } from "@/server/profiles/resolve-profile";
import { markSeen, seenRecently, SEEN_PRECISION_MS } from "./last-seen";
import type { TCall } from "./schemas";

/** A call ready to store; `stored` is set once its event row is in (false: a duplicate messageId). */
export type TStorable = { call: Exclude<TCall, { type: "alias" }>; definition: TDefinitionLike | null; receivedAt: Date; stored?: boolean };
/** What a transaction hands on once committed: business events to publish, caches to mark. */
export interface TAfterCommit {
  published: TEventReceived[];
  committed: (() => void)[];
}

const keyOf = (i: TIdentity) => `${i.namespace}\u0000${i.value}`;
const traitsOf = (call: TStorable["call"]) => (call.type === "identify" ? (call.traits ?? {}) : undefined);

/**
 * Stores a run of calls (no alias among them) with a few statements for the whole run,
 * with the same outcome as storing them one by one: identities are resolved in memory
 * from one lookup, new profiles, identities and events are each inserted by one
 * statement, and profiles are touched by one. A call whose identities point to several
 * profiles (a merge) is stored alone through resolveProfile, between two flushes.
 * Returns the number of duplicates (messageIds already stored).
 */
export async function storeCalls(tx: Tx, workspaceId: string, items: TStorable[], now: Date, after: TAfterCommit): Promise<number> {
  let duplicates = 0;
  let start = 0;
  while (start < items.length) {
    const rest = items.slice(start);
    const ids = rest.map(({ call }) => identitiesOf({ ...call, traits: traitsOf(call) }));
    const owner = await ownersOf(tx, workspaceId, ids.flat());
    const planned: { item: TStorable; profileId: string; ids: TIdentity[]; created: boolean }[] = [];
    const newProfiles: string[] = [];
    const newIdentities: (TIdentity & { profileId: string })[] = [];
    let merge = -1;
    for (const [k, item] of rest.entries()) {
      const owners = new Set(ids[k]!.map((i) => owner.get(keyOf(i))).filter((p): p is string => p !== undefined));
      if (owners.size > 1) {
        merge = k;
        break;
      }
      const created = owners.size === 0;
      const profileId = created ? crypto.randomUUID() : [...owners][0]!;
      if (created) newProfiles.push(profileId);
      for (const i of ids[k]!) {
        if (owner.has(keyOf(i))) continue;
        owner.set(keyOf(i), profileId);
        newIdentities.push({ ...i, profileId });
      }
      planned.push({ item, profileId, ids: ids[k]!, created });
    }
    if (newProfiles.length) await tx.insert(profiles).values(newProfiles.map((id) => ({ id, workspaceId })));
    if (newIdentities.length) {
      const inserted = await tx
        .insert(profileIdentities)
        .values(newIdentities.map((i) => ({ workspaceId, ...i })))
        .onConflictDoNothing()
        .returning({ namespace: profileIdentities.namespace, value: profileIdentities.value });
      if (inserted.length < newIdentities.length) await foldLostRaces(tx, workspaceId, planned, newIdentities, inserted);
    }
    duplicates += await storeEvents(tx, workspaceId, planned, now, after);
    if (merge < 0) break;
    // The call that merges profiles goes alone, the old way; the lookup is redone after it.
    const item = rest[merge]!;
    const profileId = await resolveProfile(tx, workspaceId, ids[merge]!);
    duplicates += await storeEvents(tx, workspaceId, [{ item, profileId }], now, after);
    start += merge + 1;
  }
  return duplicates;
}

/** Who owns each identity now, in one statement. */
async function ownersOf(tx: Tx, workspaceId: string, ids: TIdentity[]): Promise<Map<string, string>> {
  const owner = new Map<string, string>();
  if (ids.length === 0) return owner;
  const wanted = JSON.stringify([...new Map(ids.map((i) => [keyOf(i), i])).values()]);
  const rows = await tx
    .select({ namespace: profileIdentities.namespace, value: profileIdentities.value, profileId: profileIdentities.profileId })
    .from(profileIdentities)
    .where(and(eq(profileIdentities.workspaceId, workspaceId), sql`(${profileIdentities.namespace}, ${profileIdentities.value}) in (select x.namespace, x.value from jsonb_to_recordset(${wanted}::jsonb) as x(namespace text, value text))`));
  for (const r of rows) owner.set(keyOf(r), r.profileId);
  return owner;
}

/**
 * A concurrent call claimed an identity of a profile we just created (its insert committed
 * while ours waited): that profile folds into the winner and its calls are resolved again,
 * as resolveProfile does for a single call.
 */
async function foldLostRaces(tx: Tx, workspaceId: string, planned: { profileId: string; ids: TIdentity[]; created: boolean }[], tried: (TIdentity & { profileId: string })[], inserted: TIdentity[]) {
  const got = new Set(inserted.map(keyOf));
  const lost = new Set(tried.filter((i) => !got.has(keyOf(i))).map((i) => i.profileId));
  const losers = new Set(planned.filter((p) => p.created && lost.has(p.profileId)).map((p) => p.profileId));
  for (const loser of losers) {
    const owners = await ownersOf(tx, workspaceId, planned.filter((p) => p.profileId === loser).flatMap((p) => p.ids));
    const winner = [...owners.values()].find((p) => p !== loser);
    if (winner) await mergeProfiles(tx, workspaceId, loser, winner);
  }
  for (const p of planned) if (losers.has(p.profileId)) p.profileId = await resolveProfile(tx, workspaceId, p.ids, true);
}

// An events row read from one JSON parameter, instead of nine parameters a row (cheaper to
// build, send and parse). Keyed by every column, so a new column cannot be forgotten.
const JSON_COLUMNS = `"workspaceId" uuid, "profileId" uuid, type text, name text, properties jsonb, context jsonb, "messageId" text, "timestamp" timestamptz, "definitionId" uuid`;
const EVENT_FROM_JSON: Record<keyof typeof events.$inferSelect, SQL> = {
  id: sql`gen_random_uuid()`,
  workspaceId: sql`x."workspaceId"`,
  profileId: sql`x."profileId"`,
  type: sql`x.type`,
  name: sql`x.name`,
  properties: sql`x.properties`,
  context: sql`x.context`,
  messageId: sql`x."messageId"`,
  definitionId: sql`x."definitionId"`,
  timestamp: sql`x."timestamp"`,
  receivedAt: sql`now()`,
};
const EVENT_COLUMNS = Object.keys(getTableColumns(events)) as (keyof typeof EVENT_FROM_JSON)[];

/** Inserts the events in one statement (a messageId seen before is a duplicate), then touches their profiles. */
async function storeEvents(tx: Tx, workspaceId: string, planned: { item: TStorable; profileId: string }[], now: Date, after: TAfterCommit): Promise<number> {
  if (planned.length === 0) return 0;
  const rows = planned.map(({ item, item: { call, definition }, profileId }) => ({
    workspaceId,
    profileId,
    type: call.type,
    name: call.type === "track" ? call.event : call.type === "page" || call.type === "screen" ? (call.name ?? null) : call.type === "group" ? call.groupId : null,
    properties: call.type === "identify" || call.type === "group" ? (call.traits ?? {}) : (call.properties ?? {}),
    context: call.context ?? null,
    messageId: call.messageId ?? crypto.randomUUID(),
    timestamp: call.timestamp ? new Date(call.timestamp) : item.receivedAt,
    definitionId: definition?.id ?? null,
  }));
  const json = JSON.stringify(rows.map((r) => ({ ...r, timestamp: r.timestamp.toISOString() })));
  // Rows are inserted in order, so of two calls with one messageId the first is stored.
  const stored = await tx
    .insert(events)
    .select(
      sql`select ${sql.join(EVENT_COLUMNS.map((c) => EVENT_FROM_JSON[c]), sql`, `)}
        from rows from (jsonb_to_recordset(${json}::jsonb) as (${sql.raw(JSON_COLUMNS)})) with ordinality as x
        order by x.ordinality`,
    )
    .onConflictDoNothing()
    .returning({ id: events.id, messageId: events.messageId, timestamp: events.timestamp, properties: events.properties });
  const byMessageId = new Map(stored.map((s) => [s.messageId, s]));
  const touches = new Map<string, { traits: Record<string, unknown> | null; timezone: string | null }>();
  const observed: Record<string, unknown>[] = [];
  let storedCalls = 0;
  for (const [k, { item, profileId }] of planned.entries()) {
    const row = byMessageId.get(rows[k]!.messageId);
    if (!row) continue;
    byMessageId.delete(rows[k]!.messageId);
    item.stored = true;
    storedCalls++;
    const { call, definition } = item;
    const traits = traitsOf(call);
    const timezone = typeof traits?.timezone === "string" ? traits.timezone : typeof call.context?.timezone === "string" ? call.context.timezone : null;
    const touch = touches.get(profileId) ?? { traits: null, timezone: null };
    if (traits && Object.keys(traits).length) touch.traits = { ...touch.traits, ...traits };
    if (timezone) touch.timezone = timezone;
    touches.set(profileId, touch);
    if (traits) observed.push(traits);
    if (definition) after.published.push({ workspaceId, profileId, definitionId: definition.id, name: definition.name, eventId: row.id, properties: row.properties, timestamp: row.timestamp.toISOString() });
  }
  for (const [id, touch] of touches) if (!touch.traits && !touch.timezone && seenRecently(id, now)) touches.delete(id);
  if (touches.size) {
    // Sorted, so concurrent batches lock profiles in one order.
    const list = JSON.stringify([...touches].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, t]) => ({ id, ...t })));
    const touched = await tx.execute(sql`
      update ${profiles} p set last_seen_at = ${now.toISOString()}::timestamptz,
        attributes = case when x.traits is null then p.attributes else p.attributes || x.traits end,
        updated_at = case when x.traits is null then p.updated_at else ${now.toISOString()}::timestamptz end,
        timezone = coalesce(x.timezone, p.timezone)
      from jsonb_to_recordset(${list}::jsonb) as x(id uuid, traits jsonb, timezone text)
      where p.id = x.id and (x.traits is not null or (x.timezone is not null and x.timezone is distinct from p.timezone)
        or p.last_seen_at is null or p.last_seen_at <= ${now.toISOString()}::timestamptz - ${`${SEEN_PRECISION_MS} milliseconds`}::interval)
      returning p.id`);
    const ids = rowsOf<{ id: string }>(touched).map((r) => r.id);
    after.committed.push(() => markSeen(ids, now));
  }
  if (observed.length) after.committed.push(await observeAttributeTypes(tx, workspaceId, observed));
  return planned.length - storedCalls;
}
