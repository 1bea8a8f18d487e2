import { sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { transaction } from "@/db/transaction";
import { profileIdentities } from "@/db/schema";
import { cachedDefinitions } from "@/server/events/definitions-cache";
import { mergeProfiles, resolveProfile } from "@/server/profiles/resolve-profile";
import { matchDefinition, type TDefinitionLike } from "@/server/events/match-definitions";
import { publishBusinessEvents } from "@/server/events/publish-business-events";
import { IngestionInputError, type TCall } from "./schemas";
import { submitCalls } from "./group-commit";
import { withE164Phones } from "./phone-traits";
import { hasConsentTraits, recordTraitConsents } from "@/server/consents/trait-consents";
import { storeCalls, type TAfterCommit, type TStorable } from "./store-calls";
import { storeKnownCalls } from "./store-known-calls";

export interface TIngestResult {
  accepted: number;
  duplicates: number;
}

export type TPrepared = TStorable | Extract<TCall, { type: "alias" }>;

/**
 * Stores Segment calls: accepted means stored. A messageId seen before is skipped whole (its
 * traits are not applied twice); `alias` merges profiles. Concurrent requests of a workspace
 * are stored together in one transaction (group-commit.ts); a bad call rejects only its own
 * request. It resolves once the business events they matched are published to workflows,
 * or with `answerWhenStored` as soon as the calls are stored (the HTTP API: publishing goes on).
 * Phone traits are stored in E.164 (phone-traits.ts); `email_opt_in`/`sms_opt_in`/`push_opt_in`
 * traits are recorded as consent (server/consents/trait-consents.ts).
 */
export async function ingestCalls(workspaceId: string, calls: TCall[], options: { now?: Date; batch?: boolean; answerWhenStored?: boolean } = {}): Promise<TIngestResult> {
  const result = await submitCalls(workspaceId, { calls: await withE164Phones(workspaceId, calls), batch: options.batch ?? false, receivedAt: options.now ?? new Date(), answerWhenStored: options.answerWhenStored });
  if (hasConsentTraits(calls)) await recordTraitConsents(workspaceId, calls);
  return result;
}

/** The event definitions of a workspace, when a track call may match one. */
export async function definitionsFor(workspaceId: string, calls: TCall[]) {
  return calls.some((c) => c.type === "track") ? cachedDefinitions(workspaceId) : [];
}

/** Matches track calls to definitions before anything is stored: a bad call rejects the whole request. */
export function prepareCalls(calls: TCall[], definitions: TDefinitionLike[], batch: boolean, receivedAt: Date): TPrepared[] {
  return calls.map((call, index): TPrepared => {
    if (call.type === "alias") return call;
    const match = call.type === "track" && definitions.length ? matchDefinition(definitions, call.event, call.properties ?? {}) : null;
    if (match && "error" in match) throw new IngestionInputError(`${batch ? `batch[${index}].` : ""}${match.error.path}`, match.error.message);
    return { call, definition: match?.definition ?? null, receivedAt };
  });
}

/**
 * Stores prepared calls: those on known profiles with one statement (store-known-calls.ts),
 * the rest in one transaction, the calls between two aliases together, with a few statements
 * (store-calls.ts). Each storable's `stored` tells whether it was new.
 * `onCommitted` runs once they are stored, before their business events are published.
 */
export async function storePrepared(workspaceId: string, items: TPrepared[], onCommitted: () => void = () => {}): Promise<void> {
  const db = await getDb();
  const now = items.reduce((latest, item) => ("receivedAt" in item && item.receivedAt > latest ? item.receivedAt : latest), new Date(0));
  const known: TAfterCommit = { published: [], committed: [] };
  // An alias changes whom the calls after it belong to: a group with one goes in order.
  if (items.every((item) => !("type" in item))) await storeKnownCalls(db, workspaceId, items as TStorable[], now, known);
  const rest = items.filter((item) => !("stored" in item && item.stored));
  const after = rest.length ? await storeInTransaction(db, workspaceId, rest, now, known) : known;
  for (const done of after.committed) done();
  onCommitted();
  if (after.published.length) await publishBusinessEvents(after.published);
}

async function storeInTransaction(db: Db, workspaceId: string, items: TPrepared[], now: Date, before: TAfterCommit): Promise<TAfterCommit> {
  const after: TAfterCommit = { published: [], committed: [] };
  // Concurrent calls on the same profiles may deadlock; the loser is retried whole.
  await transaction(db, async (tx) => {
    after.published = [...before.published];
    after.committed = [...before.committed];
    for (const item of items) if (!("type" in item)) item.stored = false;
    for (let i = 0; i < items.length; ) {
      const item = items[i]!;
      if ("type" in item) {
        await applyAlias(tx, workspaceId, item.previousId, item.userId);
        i++;
        continue;
      }
      let j = i;
      while (j < items.length && !("type" in items[j]!)) j++;
      await storeCalls(tx, workspaceId, items.slice(i, j) as TStorable[], now, after);
      i = j;
    }
  });
  return after;
}

/** `alias(previousId -> userId)`: the profile known as previousId becomes part of userId's. */
async function applyAlias(tx: Tx, workspaceId: string, previousId: string, userId: string) {
  const target = await resolveProfile(tx, workspaceId, [{ namespace: "external_id", value: userId }]);
  const previous = await tx
    .select({ profileId: profileIdentities.profileId })
    .from(profileIdentities)
    .where(sql`${profileIdentities.workspaceId} = ${workspaceId} and ${profileIdentities.value} = ${previousId} and ${profileIdentities.namespace} in ('anonymous_id', 'external_id')`);
  for (const { profileId } of previous) await mergeProfiles(tx, workspaceId, profileId, target);
  if (previous.length > 0) return;
  const [claimed] = await tx
    .insert(profileIdentities)
    .values({ workspaceId, namespace: "anonymous_id", value: previousId, profileId: target })
    .onConflictDoNothing()
    .returning({ profileId: profileIdentities.profileId });
  if (claimed) return;
  // A concurrent call stored previousId's profile while we looked: merge it now.
  const [owner] = await tx
    .select({ profileId: profileIdentities.profileId })
    .from(profileIdentities)
    .where(sql`${profileIdentities.workspaceId} = ${workspaceId} and ${profileIdentities.value} = ${previousId} and ${profileIdentities.namespace} = 'anonymous_id'`);
  if (owner) await mergeProfiles(tx, workspaceId, owner.profileId, target);
}
