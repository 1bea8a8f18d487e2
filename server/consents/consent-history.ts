import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { consentEvents, subscriptionTopics } from "@/db/schema";

/** The last 50 consent changes of a profile, newest first, with their topic's name. */
export async function profileConsentHistory(workspaceId: string, profileId: string) {
  const db = await getDb();
  return db
    .select({ channel: consentEvents.channel, topic: subscriptionTopics.name, status: consentEvents.status, source: consentEvents.source, at: consentEvents.createdAt })
    .from(consentEvents)
    .leftJoin(subscriptionTopics, eq(subscriptionTopics.id, consentEvents.topicId))
    .where(and(eq(consentEvents.workspaceId, workspaceId), eq(consentEvents.profileId, profileId)))
    .orderBy(desc(consentEvents.createdAt))
    .limit(50);
}
