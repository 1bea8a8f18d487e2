import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { audienceMembers, audiences, profiles } from "@/db/schema";
import { AppError, notFound } from "@/server/errors";

/** The list (static audience) of a workspace, locked for the membership change; throws if it is a rules audience. */
export async function lockList(tx: DbOrTx, workspaceId: string, audienceId: string) {
  const [list] = await tx.select().from(audiences).where(and(eq(audiences.id, audienceId), eq(audiences.workspaceId, workspaceId))).for("update");
  if (!list) throw notFound("List");
  if (list.kind !== "list") throw new AppError("BAD_REQUEST", "Members can only be added to or removed from a list; this audience is defined by rules", "audienceId");
  return list;
}

/** The index of the first id that is not a profile of the workspace (unknown or foreign), or null. */
export async function firstMissingProfile(tx: DbOrTx, workspaceId: string, profileIds: string[]): Promise<number | null> {
  if (profileIds.length === 0) return null;
  const found = await tx
    .select({ id: profiles.id })
    .from(profiles)
    .where(and(eq(profiles.workspaceId, workspaceId), inArray(profiles.id, [...new Set(profileIds)])));
  const known = new Set(found.map((row) => row.id.toLowerCase()));
  const index = profileIds.findIndex((id) => !known.has(id.toLowerCase()));
  return index === -1 ? null : index;
}

/** Adds profiles of the workspace to a list; returns how many were not members before. Foreign ids are ignored. */
export async function addListMembers(tx: DbOrTx, workspaceId: string, audienceId: string, profileIds: string[]): Promise<number> {
  if (profileIds.length === 0) return 0;
  const rows = await tx
    .insert(audienceMembers)
    .select(
      tx
        .select({ audienceId: sql<string>`${audienceId}::uuid`.as("audience_id"), profileId: profiles.id, workspaceId: profiles.workspaceId, addedAt: sql<Date>`now()`.as("added_at") })
        .from(profiles)
        .where(and(eq(profiles.workspaceId, workspaceId), inArray(profiles.id, profileIds))),
    )
    .onConflictDoNothing()
    .returning({ profileId: audienceMembers.profileId });
  await touch(tx, audienceId);
  return rows.length;
}

/** Removes profiles from a list; returns how many were members. */
export async function removeListMembers(tx: DbOrTx, workspaceId: string, audienceId: string, profileIds: string[]): Promise<number> {
  if (profileIds.length === 0) return 0;
  const rows = await tx
    .delete(audienceMembers)
    .where(and(eq(audienceMembers.audienceId, audienceId), eq(audienceMembers.workspaceId, workspaceId), inArray(audienceMembers.profileId, profileIds)))
    .returning({ profileId: audienceMembers.profileId });
  await touch(tx, audienceId);
  return rows.length;
}

async function touch(tx: DbOrTx, audienceId: string) {
  await tx.update(audiences).set({ updatedAt: new Date() }).where(eq(audiences.id, audienceId));
}
