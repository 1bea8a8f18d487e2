import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { profileIdentities, profiles } from "@/db/schema";
import { notFound } from "@/server/errors";
import { listEvents } from "@/server/events/list-events";

/** A profile with its identities; events are paged separately. */
export async function getProfile(workspaceId: string, profileId: string) {
  const db = await getDb();
  const [profile] = await db.select().from(profiles).where(and(eq(profiles.id, profileId), eq(profiles.workspaceId, workspaceId)));
  if (!profile) throw notFound("Profile");
  const identities = await db
    .select({ namespace: profileIdentities.namespace, value: profileIdentities.value, createdAt: profileIdentities.createdAt })
    .from(profileIdentities)
    .where(eq(profileIdentities.profileId, profileId));
  return { ...profile, identities };
}

/** A profile's events, newest first, `limit` at a time. */
export async function profileTimeline(workspaceId: string, profileId: string, options: { cursor?: string; limit?: number } = {}) {
  const db = await getDb();
  const [owned] = await db.select({ id: profiles.id }).from(profiles).where(and(eq(profiles.id, profileId), eq(profiles.workspaceId, workspaceId)));
  if (!owned) throw notFound("Profile");
  return listEvents(workspaceId, { profileId, cursor: options.cursor, limit: options.limit ?? 50 });
}

/** The profile an identity points to, or null. */
export async function findProfileId(workspaceId: string, namespace: string, value: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ profileId: profileIdentities.profileId })
    .from(profileIdentities)
    .where(and(eq(profileIdentities.workspaceId, workspaceId), eq(profileIdentities.namespace, namespace as never), eq(profileIdentities.value, value)));
  return row?.profileId ?? null;
}
