import type { Db } from "@/db/client";
import { identitiesOf, type TIdentity } from "@/server/profiles/resolve-profile";
import type { TAfterCommit, TStorable } from "./store-calls";
import { storeEvents } from "./store-events";

/** The one identity of a call that can only add an event (no traits, no alias), else null. */
function soleIdentity({ call }: TStorable): TIdentity | null {
  if (call.type !== "track" && call.type !== "page" && call.type !== "screen") return null;
  const ids = identitiesOf({ userId: call.userId, anonymousId: call.anonymousId });
  return ids.length === 1 ? ids[0]! : null;
}

/**
 * The common case first: track, page and screen calls with a single identity that a profile
 * already owns. Their events go in with one statement that finds each profile itself, with
 * no transaction (the statement is atomic); the calls left (`stored` unset: an unknown
 * identity, or a duplicate messageId) go the usual way. Skipped when two calls of the group
 * share a messageId, so the first of them stays the one stored.
 */
export async function storeKnownCalls(db: Db, workspaceId: string, items: TStorable[], now: Date, after: TAfterCommit): Promise<void> {
  const messageIds = items.map((i) => i.call.messageId).filter((id): id is string => Boolean(id));
  if (new Set(messageIds).size < messageIds.length) return;
  const planned = items.flatMap((item) => {
    const identity = soleIdentity(item);
    return identity ? [{ item, identity }] : [];
  });
  if (planned.length === 0) return;
  await storeEvents(db, workspaceId, planned, now, after);
}
