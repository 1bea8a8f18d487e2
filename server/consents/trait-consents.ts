import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { GENERAL_TOPIC, profileConsents } from "@/db/schema";
import type { TCall } from "@/server/ingestion/schemas";
import { findProfileId } from "@/server/profiles/get-profile";
import { recordConsents, type TConsentChange } from "./record-consent";

/** Identify traits that are a channel's general marketing consent: true subscribes, false unsubscribes (source "api"). */
export const CONSENT_TRAITS = { email_opt_in: "email", sms_opt_in: "sms", push_opt_in: "push" } as const;

const consentTraitsOf = (call: TCall): TConsentChange[] =>
  call.type !== "identify" || !call.traits
    ? []
    : Object.entries(CONSENT_TRAITS).flatMap(([trait, channel]) => {
        const value = call.traits![trait];
        return typeof value === "boolean" ? [{ channel, topicId: null, status: value ? ("subscribed" as const) : ("unsubscribed" as const) }] : [];
      });

export const hasConsentTraits = (calls: TCall[]) => calls.some((c) => consentTraitsOf(c).length > 0);

/**
 * Records the consent traits of stored identify calls, once each profile is known. Only a
 * change is recorded (an identify repeating `sms_opt_in: false` adds no history), so the last
 * word wins whether it came from a trait, the API, the preference page or an unsubscribe link.
 */
export async function recordTraitConsents(workspaceId: string, calls: TCall[]): Promise<void> {
  const db = await getDb();
  for (const call of calls) {
    const changes = consentTraitsOf(call);
    if (!changes.length || call.type !== "identify") continue;
    const profileId = (call.userId && (await findProfileId(workspaceId, "external_id", call.userId))) || (call.anonymousId && (await findProfileId(workspaceId, "anonymous_id", call.anonymousId)));
    if (!profileId) continue;
    const current = await db
      .select({ channel: profileConsents.channel, status: profileConsents.status })
      .from(profileConsents)
      .where(and(eq(profileConsents.profileId, profileId), eq(profileConsents.topicId, GENERAL_TOPIC), inArray(profileConsents.channel, changes.map((c) => c.channel))));
    const fresh = changes.filter((c) => current.find((r) => r.channel === c.channel)?.status !== c.status);
    if (fresh.length) await db.transaction((tx) => recordConsents(tx, workspaceId, profileId, fresh, "api"));
  }
}
