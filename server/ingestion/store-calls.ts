import type { Tx } from "@/db/client";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import type { TDefinitionLike } from "@/server/events/match-definitions";
import type { TEventReceived } from "@/server/events/publish-business-events";
import { identityKey, ownersOfIdentities } from "@/server/profiles/identity-owners";
import { identitiesOf, mergeProfiles, resolveProfile, type TIdentity } from "@/server/profiles/resolve-profile";
import type { TCall } from "./schemas";
import { storeEvents } from "./store-events";

/** A call ready to store; `stored` is set once its event row is in (false: a duplicate messageId). */
export type TStorable = { call: Exclude<TCall, { type: "alias" }>; definition: TDefinitionLike | null; receivedAt: Date; stored?: boolean };
/** What a transaction hands on once committed: business events to publish, caches to mark. */
export interface TAfterCommit {
  published: TEventReceived[];
  committed: (() => void)[];
}

export const traitsOf = (call: TStorable["call"]) => (call.type === "identify" ? (call.traits ?? {}) : undefined);

/**
 * Stores a run of calls (no alias among them) with a few statements for the whole run,
 * with the same outcome as storing them one by one: identities are resolved in memory
 * from one lookup, new profiles, identities and events are each inserted by one
 * statement, and profiles are touched by one. A call whose identities point to several
 * profiles (a merge) is stored alone through resolveProfile, between two flushes.
 * Each item's `stored` says whether it was new (false: its messageId was stored before).
 */
export async function storeCalls(tx: Tx, workspaceId: string, items: TStorable[], now: Date, after: TAfterCommit): Promise<void> {
  let start = 0;
  while (start < items.length) {
    const rest = items.slice(start);
    const ids = rest.map(({ call }) => identitiesOf({ ...call, traits: traitsOf(call) }));
    const { owner } = await ownersOfIdentities(tx, workspaceId, ids.flat());
    const planned: { item: TStorable; profileId: string; ids: TIdentity[]; created: boolean }[] = [];
    const newProfiles: string[] = [];
    const newIdentities: (TIdentity & { profileId: string })[] = [];
    let merge = -1;
    for (const [k, item] of rest.entries()) {
      const owners = new Set(ids[k]!.map((i) => owner.get(identityKey(i))).filter((p): p is string => p !== undefined));
      if (owners.size > 1) {
        merge = k;
        break;
      }
      const created = owners.size === 0;
      const profileId = created ? crypto.randomUUID() : [...owners][0]!;
      if (created) newProfiles.push(profileId);
      for (const i of ids[k]!) {
        if (owner.has(identityKey(i))) continue;
        owner.set(identityKey(i), profileId);
        newIdentities.push({ ...i, profileId });
      }
      planned.push({ item, profileId, ids: ids[k]!, created });
    }
    if (newProfiles.length) await insertProfiles(tx, workspaceId, newProfiles);
    if (newIdentities.length) {
      const inserted = await insertIdentities(tx, workspaceId, newIdentities);
      if (inserted.length < newIdentities.length) await foldLostRaces(tx, workspaceId, planned, newIdentities, inserted);
    }
    await storeEvents(tx, workspaceId, planned, now, after);
    if (merge < 0) break;
    // The call that merges profiles goes alone, the old way; the lookup is redone after it.
    const item = rest[merge]!;
    const profileId = await resolveProfile(tx, workspaceId, ids[merge]!);
    await storeEvents(tx, workspaceId, [{ item, profileId }], now, after);
    start += merge + 1;
  }
}

// Each list as one JSON parameter: the query builder's VALUES took a parameter per column and
// row, and building those statements cost the ingest server more CPU than running them.
async function insertProfiles(tx: Tx, workspaceId: string, ids: string[]) {
  await tx.execute(sql`insert into profiles (id, workspace_id) select x::uuid, ${workspaceId}::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) as x`);
}

async function insertIdentities(tx: Tx, workspaceId: string, identities: (TIdentity & { profileId: string })[]): Promise<TIdentity[]> {
  // In one order, so two writers inserting the same new identities wait for each other instead of deadlocking (1 s each).
  const sorted = [...identities].sort((a, b) => (identityKey(a) < identityKey(b) ? -1 : 1));
  const list = JSON.stringify(sorted.map((i) => ({ namespace: i.namespace, value: i.value, profile_id: i.profileId })));
  const inserted = await tx.execute(sql`insert into profile_identities (workspace_id, namespace, value, profile_id)
    select ${workspaceId}::uuid, x.namespace, x.value, x.profile_id from rows from (jsonb_to_recordset(${list}::jsonb) as (namespace text, value text, profile_id uuid)) with ordinality as x
    order by x.ordinality on conflict do nothing returning namespace, value`);
  return rowsOf<TIdentity>(inserted);
}

/**
 * A concurrent call claimed an identity of a profile we just created (its insert committed
 * while ours waited): that profile folds into the winner and its calls are resolved again,
 * as resolveProfile does for a single call.
 */
async function foldLostRaces(tx: Tx, workspaceId: string, planned: { profileId: string; ids: TIdentity[]; created: boolean }[], tried: (TIdentity & { profileId: string })[], inserted: TIdentity[]) {
  const got = new Set(inserted.map(identityKey));
  const lost = new Set(tried.filter((i) => !got.has(identityKey(i))).map((i) => i.profileId));
  const losers = new Set(planned.filter((p) => p.created && lost.has(p.profileId)).map((p) => p.profileId));
  for (const loser of losers) {
    const { owner: owners } = await ownersOfIdentities(tx, workspaceId, planned.filter((p) => p.profileId === loser).flatMap((p) => p.ids));
    const winner = [...owners.values()].find((p) => p !== loser);
    if (winner) await mergeProfiles(tx, workspaceId, loser, winner);
  }
  for (const p of planned) if (losers.has(p.profileId)) p.profileId = await resolveProfile(tx, workspaceId, p.ids, true);
}
