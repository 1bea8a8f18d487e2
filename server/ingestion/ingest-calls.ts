import { eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { events, profileIdentities, profiles } from "@/db/schema";
import { observeAttributeTypes } from "@/server/profiles/attribute-types";
import { identitiesOf, mergeProfiles, resolveProfile } from "@/server/profiles/resolve-profile";
import type { TCall } from "./schemas";

export interface TIngestResult {
  accepted: number;
  duplicates: number;
}

/**
 * Stores Segment calls in one transaction: accepted means stored. A messageId seen before
 * is skipped whole (its traits are not applied twice); `alias` merges profiles.
 */
export async function ingestCalls(workspaceId: string, calls: TCall[], now = new Date()): Promise<TIngestResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    let duplicates = 0;
    for (const call of calls) {
      if (call.type === "alias") {
        await applyAlias(tx, workspaceId, call.previousId, call.userId);
        continue;
      }
      const traits = call.type === "identify" ? (call.traits ?? {}) : undefined;
      const profileId = await resolveProfile(tx, workspaceId, identitiesOf({ ...call, traits }));
      const [stored] = await tx
        .insert(events)
        .values({
          workspaceId,
          profileId,
          type: call.type,
          name: call.type === "track" ? call.event : call.type === "page" || call.type === "screen" ? (call.name ?? null) : call.type === "group" ? call.groupId : null,
          properties: call.type === "identify" || call.type === "group" ? (call.traits ?? {}) : (call.properties ?? {}),
          context: call.context ?? null,
          messageId: call.messageId ?? crypto.randomUUID(),
          timestamp: call.timestamp ? new Date(call.timestamp) : now,
        })
        .onConflictDoNothing()
        .returning({ id: events.id });
      if (!stored) {
        duplicates++;
        continue;
      }
      await touchProfile(tx, workspaceId, profileId, traits, call.context, now);
    }
    return { accepted: calls.length - duplicates, duplicates };
  });
}

async function touchProfile(tx: Tx, workspaceId: string, profileId: string, traits: Record<string, unknown> | undefined, context: Record<string, unknown> | undefined, now: Date) {
  const timezone = typeof traits?.timezone === "string" ? traits.timezone : typeof context?.timezone === "string" ? context.timezone : null;
  await tx
    .update(profiles)
    .set({
      lastSeenAt: now,
      ...(traits && Object.keys(traits).length ? { attributes: sql`${profiles.attributes} || ${JSON.stringify(traits)}::jsonb`, updatedAt: now } : {}),
      ...(timezone ? { timezone } : {}),
    })
    .where(eq(profiles.id, profileId));
  if (traits) await observeAttributeTypes(tx, workspaceId, traits);
}

/** `alias(previousId -> userId)`: the profile known as previousId becomes part of userId's. */
async function applyAlias(tx: Tx, workspaceId: string, previousId: string, userId: string) {
  const target = await resolveProfile(tx, workspaceId, [{ namespace: "external_id", value: userId }]);
  const previous = await tx
    .select({ profileId: profileIdentities.profileId })
    .from(profileIdentities)
    .where(sql`${profileIdentities.workspaceId} = ${workspaceId} and ${profileIdentities.value} = ${previousId} and ${profileIdentities.namespace} in ('anonymous_id', 'external_id')`);
  for (const { profileId } of previous) await mergeProfiles(tx, workspaceId, profileId, target);
  if (previous.length === 0) {
    await tx.insert(profileIdentities).values({ workspaceId, namespace: "anonymous_id", value: previousId, profileId: target }).onConflictDoNothing();
  }
}
