import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { events, messages, profileIdentities, profiles, type TIdentityNamespace } from "@/db/schema";
import { identityKey, ownersOfIdentities } from "./identity-owners";
import { enqueueWebhookEvents } from "@/server/webhooks/enqueue";

export type TIdentity = { namespace: TIdentityNamespace; value: string };

/** The identities a Segment call carries: userId, anonymousId, and email/phone traits. */
export function identitiesOf(call: { userId?: string | null; anonymousId?: string | null; traits?: Record<string, unknown> }): TIdentity[] {
  const out: TIdentity[] = [];
  if (call.userId) out.push({ namespace: "external_id", value: call.userId });
  if (call.anonymousId) out.push({ namespace: "anonymous_id", value: call.anonymousId });
  const email = call.traits?.email;
  if (typeof email === "string" && email.includes("@")) out.push({ namespace: "email", value: email.trim().toLowerCase() });
  const phone = call.traits?.phone;
  if (typeof phone === "string" && phone.trim()) out.push({ namespace: "phone", value: phone.replace(/[\s().-]/g, "") });
  return out;
}

/**
 * Finds or creates the profile these identities point to, attaching the ones it lacks.
 * When they point to several profiles, anonymous ones (no external id) merge into the
 * known one; two known profiles are never merged, and an identity already owned by
 * another known profile stays where it is.
 */
export async function resolveProfile(tx: Tx, workspaceId: string, ids: TIdentity[], retried = false): Promise<string> {
  const { owner } = await ownersOfIdentities(tx, workspaceId, ids);
  const ownerIds = [...new Set(owner.values())];
  let profileId: string;
  const created = ownerIds.length === 0;
  if (created) {
    const [created] = await tx.insert(profiles).values({ workspaceId }).returning({ id: profiles.id });
    profileId = created!.id;
    await enqueueWebhookEvents(workspaceId, [{ type: "profile.created", data: { profileId, identities: ids } }], tx);
  } else {
    // One owner is the profile whatever it knows; which are known matters only for a merge.
    const known = ownerIds.length > 1 ? await knownProfiles(tx, ownerIds) : [];
    const byExternal = ids.find((i) => i.namespace === "external_id" && owner.has(identityKey(i)));
    profileId = (byExternal && owner.get(identityKey(byExternal))) ?? known[0] ?? ownerIds[0]!;
    for (const other of ownerIds) if (other !== profileId && !known.includes(other)) await mergeProfiles(tx, workspaceId, other, profileId);
  }
  const missing = ids.filter((i) => !owner.has(identityKey(i)));
  if (missing.length) {
    const inserted = await tx
      .insert(profileIdentities)
      .values(missing.map((i) => ({ workspaceId, ...i, profileId })))
      .onConflictDoNothing()
      .returning({ value: profileIdentities.value });
    if (inserted.length < missing.length && created && !retried) {
      // A concurrent call claimed one of these identities first (its insert committed while
      // ours waited): fold the profile we just made into it instead of leaving an orphan.
      const winner = [...(await ownersOfIdentities(tx, workspaceId, ids)).owner.values()].find((id) => id !== profileId);
      if (winner) {
        await mergeProfiles(tx, workspaceId, profileId, winner);
        return resolveProfile(tx, workspaceId, ids, true);
      }
    }
  }
  return profileId;
}

/** Profiles among `ids` that have an external id, i.e. a known customer. */
async function knownProfiles(tx: Tx, ids: string[]): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: profileIdentities.profileId })
    .from(profileIdentities)
    .where(and(inArray(profileIdentities.profileId, ids), eq(profileIdentities.namespace, "external_id")));
  return rows.map((r) => r.id);
}

/**
 * Moves everything of `fromId` to `intoId` and deletes `fromId`: events, messages, identities,
 * list memberships and attributes (the surviving profile's values win). Nothing is lost.
 */
export async function mergeProfiles(tx: Tx, workspaceId: string, fromId: string, intoId: string): Promise<void> {
  if (fromId === intoId) return;
  const [from] = await tx.select().from(profiles).where(and(eq(profiles.id, fromId), eq(profiles.workspaceId, workspaceId))).for("update");
  if (!from) return;
  await enqueueWebhookEvents(workspaceId, [{ type: "profile.merged", data: { profileId: intoId, mergedProfileId: fromId } }], tx);
  await tx.update(events).set({ profileId: intoId }).where(eq(events.profileId, fromId));
  await tx.update(messages).set({ profileId: intoId }).where(eq(messages.profileId, fromId));
  await tx.update(profileIdentities).set({ profileId: intoId }).where(eq(profileIdentities.profileId, fromId));
  // List memberships follow the profile; where both were in a list, one row stays.
  await tx.execute(sql`insert into audience_members (audience_id, profile_id, workspace_id, added_at)
    select audience_id, ${intoId}::uuid, workspace_id, added_at from audience_members where profile_id = ${fromId}::uuid
    on conflict do nothing`);
  await tx
    .update(profiles)
    .set({
      attributes: sql`${JSON.stringify(from.attributes)}::jsonb || ${profiles.attributes}`,
      timezone: sql`coalesce(${profiles.timezone}, ${from.timezone})`,
      createdAt: sql`least(${profiles.createdAt}, ${from.createdAt.toISOString()}::timestamptz)`,
      updatedAt: new Date(),
    })
    .where(eq(profiles.id, intoId));
  await tx.delete(profiles).where(eq(profiles.id, fromId));
}
