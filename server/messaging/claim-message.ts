import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { messages, type TMessageSource } from "@/db/schema";
import type { TMessageRow } from "./message-events";

const FINAL = new Set(["sent", "delivered", "failed", "suppressed", "bounced", "complained", "expired"]);
/** Keys per statement. */
const CHUNK = 2_000;

/** A worker that took a message and vanished gives it up after this long (PARCOURS_SENDING_LEASE_MS shortens it in tests). */
export function sendingLeaseMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.PARCOURS_SENDING_LEASE_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : 120_000;
}

/** What the messages of one claim share. */
export interface TClaimBase {
  workspaceId: string;
  configurationId: string;
  pluginId: string;
  kind: string;
  source: { type: TMessageSource; id?: string | null; stepId?: string | null };
  isTest: boolean;
  /** The subscription topic the messages go under (their one-click unsubscribe leaves it). */
  topicId?: string | null;
}

export interface TClaimItem {
  idempotencyKey: string;
  profileId: string | null;
  /** This message's step, when it is not the base's. */
  stepId?: string | null;
}

/** mine: ours to send; done: finished (or deferred and not yet due); held: another worker's until its lease ends. */
export type TClaim = { state: "mine"; message: TMessageRow } | { state: "done"; message: TMessageRow } | { state: "held"; message: TMessageRow; until: Date };

/**
 * One message per idempotency key, whatever retries or concurrent workers do. New keys are
 * inserted already taken (one INSERT … ON CONFLICT DO NOTHING RETURNING per chunk); an existing
 * message is taken over only when it is queued, deferred and due, or its sender's lease ran out.
 * Claims come back in input order; keys must be distinct.
 */
export async function claimMessages(db: DbOrTx, base: TClaimBase, items: TClaimItem[], now: Date): Promise<TClaim[]> {
  const claims = new Map<string, TClaim>();
  for (let i = 0; i < items.length; i += CHUNK) {
    for (const claim of await claimChunk(db, base, items.slice(i, i + CHUNK), now)) claims.set(claim.message.idempotencyKey, claim);
  }
  return items.map((item) => {
    const claim = claims.get(item.idempotencyKey);
    if (!claim) throw new Error("Message vanished after insert");
    return claim;
  });
}

/** A message's step: its own, else the base's. */
const stepOf = (base: TClaimBase, item: TClaimItem) => (item.stepId === undefined ? (base.source.stepId ?? null) : item.stepId);

async function claimChunk(db: DbOrTx, base: TClaimBase, items: TClaimItem[], now: Date): Promise<TClaim[]> {
  // One JSON parameter for the whole chunk: far cheaper to send and plan than 12 parameters a row.
  const rows = JSON.stringify(items.map((i) => ({ k: i.idempotencyKey, p: i.profileId, s: stepOf(base, i) })));
  const written = rowsOf<{ id: string; idempotency_key: string; created_at: unknown }>(
    await db.execute(sql`insert into messages (workspace_id, idempotency_key, profile_id, configuration_id, plugin_id, kind, source_type, source_id, step_id, is_test, topic_id, status, updated_at)
      select ${base.workspaceId}::uuid, x.k, x.p, ${base.configurationId}::uuid, ${base.pluginId}::text, ${base.kind}::text, ${base.source.type}::text, ${base.source.id ?? null}::text, x.s, ${base.isTest}::boolean, ${base.topicId ?? null}::uuid, 'sending', ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${rows}::jsonb) as x(k text, p uuid, s text)
      on conflict (workspace_id, idempotency_key) do nothing
      returning id, idempotency_key, created_at`),
  );
  // The new rows are what was just written: only the database's id and time come back (a
  // campaign claims a million rows; reading every column back was ~3% of its CPU).
  const itemOf = new Map(items.map((i) => [i.idempotencyKey, i]));
  const fresh = written.map((row) => newRow(base, itemOf.get(row.idempotency_key)!, row.id, messages.createdAt.mapFromDriverValue(row.created_at as string) as Date, now));
  const claims: TClaim[] = fresh.map((message) => ({ state: "mine", message }));
  if (fresh.length === items.length) return claims;
  const inserted = new Set(fresh.map((m) => m.idempotencyKey));
  const existing = items.map((i) => i.idempotencyKey).filter((key) => !inserted.has(key));
  const ofKeys = (keys: string[]) => and(eq(messages.workspaceId, base.workspaceId), inArray(messages.idempotencyKey, keys));
  const lease = sendingLeaseMs();
  const taken = await db
    .update(messages)
    .set({ status: "sending", updatedAt: now })
    .where(
      and(
        ofKeys(existing),
        sql`(${messages.status} = 'queued'
          or (${messages.status} = 'deferred' and (${messages.deferredUntil} is null or ${messages.deferredUntil} <= ${now.toISOString()}::timestamptz))
          or (${messages.status} = 'sending' and ${messages.updatedAt} <= ${new Date(now.getTime() - lease).toISOString()}::timestamptz))`,
      ),
    )
    .returning();
  claims.push(...taken.map((message) => ({ state: "mine" as const, message })));
  const takenKeys = new Set(taken.map((m) => m.idempotencyKey));
  const others = existing.filter((key) => !takenKeys.has(key));
  if (others.length === 0) return claims;
  for (const message of await db.select().from(messages).where(ofKeys(others))) {
    if (FINAL.has(message.status) || message.status === "deferred") claims.push({ state: "done", message });
    // Sending under a live lease, or queued again by a retry a moment ago: look again later.
    else claims.push({ state: "held", message, until: new Date(Math.max(now.getTime(), message.status === "sending" ? message.updatedAt.getTime() + lease : 0)) });
  }
  return claims;
}

/** A message as its claim inserted it. */
function newRow(base: TClaimBase, item: TClaimItem, id: string, createdAt: Date, now: Date): TMessageRow {
  const { workspaceId, configurationId, pluginId, kind, isTest } = base;
  const none = { recipient: null, content: null, contentKey: null, contentScope: null, providerMessageId: null, error: null, deferredUntil: null, cappedAt: null, sentAt: null, topicId: base.topicId ?? null };
  return { id, workspaceId, profileId: item.profileId, configurationId, pluginId, kind, sourceType: base.source.type, sourceId: base.source.id ?? null, stepId: stepOf(base, item), idempotencyKey: item.idempotencyKey, status: "sending", isTest, ...none, createdAt, updatedAt: now };
}

/** Gives claimed messages back (queued) after a send failed before delivering them: the next claim takes them at once. */
export async function releaseClaims(db: DbOrTx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.update(messages).set({ status: "queued", updatedAt: new Date() }).where(and(inArray(messages.id, ids), eq(messages.status, "sending")));
}
