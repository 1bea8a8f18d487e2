import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, profiles } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { notFound } from "@/server/errors";
import { getProfile } from "./get-profile";
import { profileConsentHistory } from "@/server/consents/consent-history";
import { enqueueWebhookEvents } from "@/server/webhooks/enqueue";

/** Everything Parcours holds on a profile, as one JSON document (GDPR access request). */
export async function exportProfile(workspaceId: string, profileId: string) {
  const profile = await getProfile(workspaceId, profileId);
  const db = await getDb();
  const history = await db.select().from(events).where(and(eq(events.workspaceId, workspaceId), eq(events.profileId, profileId))).orderBy(asc(events.timestamp));
  return {
    exportedAt: new Date().toISOString(),
    profile: { id: profile.id, attributes: profile.attributes, timezone: profile.timezone, isTest: profile.isTest, createdAt: profile.createdAt, updatedAt: profile.updatedAt, lastSeenAt: profile.lastSeenAt },
    identities: profile.identities,
    events: history.map((e) => ({ type: e.type, name: e.name, properties: e.properties, context: e.context, messageId: e.messageId, timestamp: e.timestamp })),
    /** Consent changes (channel, topic, status, source, time), newest first: a consent record is personal data too. */
    consents: await profileConsentHistory(workspaceId, profileId),
  };
}

/** Deletes a profile with all its data (identities and events cascade); the audit keeps no personal data. */
export async function deleteProfile(workspaceId: string, profileId: string, actor: TActor) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(profiles).where(and(eq(profiles.id, profileId), eq(profiles.workspaceId, workspaceId))).returning({ id: profiles.id });
    if (!gone) throw notFound("Profile");
    await enqueueWebhookEvents(workspaceId, [{ type: "profile.deleted", data: { profileId } }], tx);
    await recordAudit(tx, { workspaceId, actor, action: "profile.delete", entityType: "profile", entityId: profileId, diff: {} });
  });
}
