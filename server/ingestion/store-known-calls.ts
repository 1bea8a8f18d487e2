import type { Db } from "@/db/client";
import { identitiesOf } from "@/server/profiles/resolve-profile";
import { traitsOf, type TAfterCommit, type TStorable } from "./store-calls";
import { storeEvents, type TPlannedEvent } from "./store-events";

/** A call that can only add an event or traits on profiles that exist, planned by its identities (null: it goes the usual way). */
function plannedByIdentity(item: TStorable): TPlannedEvent | null {
  const { call } = item;
  if (call.type !== "track" && call.type !== "page" && call.type !== "screen" && call.type !== "identify") return null;
  const [identity, ...more] = identitiesOf({ userId: call.userId, anonymousId: call.anonymousId, traits: traitsOf(call) });
  return identity ? { item, identity, more } : null;
}

/**
 * The common case first: track, page, screen and identify calls whose identities one profile
 * already owns. They go in with one statement that finds each profile itself and applies
 * identify traits, with no transaction (the statement is atomic; insert-by-identity.ts);
 * the calls left (`stored` unset: an identity to attach, profiles to merge, a duplicate
 * messageId) go the usual way. Skipped when two calls of the group share a messageId, so
 * the first of them stays the one stored.
 */
export async function storeKnownCalls(db: Db, workspaceId: string, items: TStorable[], now: Date, after: TAfterCommit): Promise<void> {
  const messageIds = items.map((i) => i.call.messageId).filter((id): id is string => Boolean(id));
  if (new Set(messageIds).size < messageIds.length) return;
  const planned = items.flatMap((item) => plannedByIdentity(item) ?? []);
  if (planned.length === 0) return;
  await storeEvents(db, workspaceId, planned, now, after);
}
