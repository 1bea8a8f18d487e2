import { eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { transaction } from "@/db/transaction";
import { eventDefinitions, profileIdentities } from "@/db/schema";
import { mergeProfiles, resolveProfile } from "@/server/profiles/resolve-profile";
import { matchDefinition } from "@/server/events/match-definitions";
import { publishBusinessEvents } from "@/server/events/publish-business-events";
import { IngestionInputError, type TCall } from "./schemas";
import { storeCalls, type TAfterCommit, type TStorable } from "./store-calls";

export interface TIngestResult {
  accepted: number;
  duplicates: number;
}

/**
 * Stores Segment calls in one transaction: accepted means stored. A messageId seen before
 * is skipped whole (its traits are not applied twice); `alias` merges profiles. The calls
 * between two aliases are stored together, with a few statements (store-calls.ts).
 */
export async function ingestCalls(workspaceId: string, calls: TCall[], options: { now?: Date; batch?: boolean } = {}): Promise<TIngestResult> {
  const now = options.now ?? new Date();
  const db = await getDb();
  const definitions = calls.some((c) => c.type === "track")
    ? await db.select().from(eventDefinitions).where(eq(eventDefinitions.workspaceId, workspaceId))
    : [];
  // Definitions are checked before anything is stored: a bad call rejects the whole batch.
  const items = calls.map((call, index): TStorable | TCall => {
    if (call.type === "alias") return call;
    const match = call.type === "track" && definitions.length ? matchDefinition(definitions, call.event, call.properties ?? {}) : null;
    if (match && "error" in match) throw new IngestionInputError(`${options.batch ? `batch[${index}].` : ""}${match.error.path}`, match.error.message);
    return { call, definition: match?.definition ?? null };
  });
  const after: TAfterCommit = { published: [], committed: [] };
  // Concurrent calls on the same profiles may deadlock; the loser is retried whole.
  const result = await transaction(db, async (tx) => {
    after.published = [];
    after.committed = [];
    let duplicates = 0;
    for (let i = 0; i < items.length; ) {
      const item = items[i]!;
      if ("type" in item) {
        if (item.type === "alias") await applyAlias(tx, workspaceId, item.previousId, item.userId);
        i++;
        continue;
      }
      let j = i;
      while (j < items.length && !("type" in items[j]!)) j++;
      duplicates += await storeCalls(tx, workspaceId, items.slice(i, j) as TStorable[], now, after);
      i = j;
    }
    return { accepted: calls.length - duplicates, duplicates };
  });
  for (const done of after.committed) done();
  if (after.published.length) await publishBusinessEvents(after.published);
  return result;
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
