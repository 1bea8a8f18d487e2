import { eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { transaction } from "@/db/transaction";
import { events, profileIdentities, profiles } from "@/db/schema";
import { observeAttributeTypes } from "@/server/profiles/attribute-types";
import { identitiesOf, mergeProfiles, resolveProfile } from "@/server/profiles/resolve-profile";
import { eventDefinitions } from "@/db/schema";
import { matchDefinition } from "@/server/events/match-definitions";
import { publishBusinessEvents, type TEventReceived } from "@/server/events/publish-business-events";
import { IngestionInputError, type TCall } from "./schemas";

export interface TIngestResult {
  accepted: number;
  duplicates: number;
}

/**
 * Stores Segment calls in one transaction: accepted means stored. A messageId seen before
 * is skipped whole (its traits are not applied twice); `alias` merges profiles.
 */
export async function ingestCalls(workspaceId: string, calls: TCall[], options: { now?: Date; batch?: boolean } = {}): Promise<TIngestResult> {
  const now = options.now ?? new Date();
  const db = await getDb();
  const definitions = calls.some((c) => c.type === "track")
    ? await db.select().from(eventDefinitions).where(eq(eventDefinitions.workspaceId, workspaceId))
    : [];
  const published: TEventReceived[] = [];
  // Concurrent calls on the same profiles may deadlock; the loser is retried whole.
  const result = await transaction(db, async (tx) => {
    published.length = 0;
    let duplicates = 0;
    for (const [index, call] of calls.entries()) {
      if (call.type === "alias") {
        await applyAlias(tx, workspaceId, call.previousId, call.userId);
        continue;
      }
      const match = call.type === "track" && definitions.length ? matchDefinition(definitions, call.event, call.properties ?? {}) : null;
      if (match && "error" in match) throw new IngestionInputError(`${options.batch ? `batch[${index}].` : ""}${match.error.path}`, match.error.message);
      const definition = match?.definition ?? null;
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
          definitionId: definition?.id ?? null,
        })
        .onConflictDoNothing()
        .returning({ id: events.id, timestamp: events.timestamp, properties: events.properties });
      if (!stored) {
        duplicates++;
        continue;
      }
      await touchProfile(tx, workspaceId, profileId, traits, call.context, now);
      if (definition) {
        published.push({ workspaceId, profileId, definitionId: definition.id, name: definition.name, eventId: stored.id, properties: stored.properties, timestamp: stored.timestamp.toISOString() });
      }
    }
    return { accepted: calls.length - duplicates, duplicates };
  });
  if (published.length) await publishBusinessEvents(published);
  return result;
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
