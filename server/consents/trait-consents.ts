import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { GENERAL_TOPIC, profileConsents } from "@/db/schema";
import type { TCall } from "@/server/ingestion/schemas";
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
 * Records the consent traits of stored identify calls. Two statements for any number of calls
 * (their profiles, their current consents); only a change is recorded (an identify repeating
 * `sms_opt_in: false` adds no history), so the last word wins whether it came from a trait, the
 * API, the preference page or an unsubscribe link. Within a request, the last call wins.
 */
export async function recordTraitConsents(workspaceId: string, calls: TCall[]): Promise<void> {
  const wanted = calls.flatMap((call) => {
    const changes = consentTraitsOf(call);
    if (!changes.length || call.type !== "identify") return [];
    const [namespace, value] = call.userId ? ["external_id", call.userId] : ["anonymous_id", call.anonymousId!];
    return [{ namespace, value, changes }];
  });
  if (!wanted.length) return;
  const db = await getDb();
  const owners = rowsOf<{ namespace: string; value: string; profile_id: string }>(
    await db.execute(sql`select i.namespace, i.value, i.profile_id from profile_identities i
      join jsonb_to_recordset(${JSON.stringify(wanted.map(({ namespace, value }) => ({ namespace, value })))}::jsonb) as x(namespace text, value text)
        on i.namespace = x.namespace and i.value = x.value
      where i.workspace_id = ${workspaceId}::uuid`),
  );
  const ownerOf = new Map(owners.map((o) => [`${o.namespace}:${o.value}`, o.profile_id]));
  const latest = new Map<string, Map<string, TConsentChange>>(); // profile -> channel -> change
  for (const w of wanted) {
    const profileId = ownerOf.get(`${w.namespace}:${w.value}`);
    if (!profileId) continue;
    const byChannel = latest.get(profileId) ?? new Map<string, TConsentChange>();
    for (const c of w.changes) byChannel.set(c.channel, c);
    latest.set(profileId, byChannel);
  }
  if (!latest.size) return;
  const current = await db
    .select({ profileId: profileConsents.profileId, channel: profileConsents.channel, status: profileConsents.status })
    .from(profileConsents)
    .where(and(inArray(profileConsents.profileId, [...latest.keys()]), eq(profileConsents.topicId, GENERAL_TOPIC)));
  const now = new Map(current.map((r) => [`${r.profileId}:${r.channel}`, r.status]));
  for (const [profileId, byChannel] of latest) {
    const fresh = [...byChannel.values()].filter((c) => now.get(`${profileId}:${c.channel}`) !== c.status);
    if (fresh.length) await db.transaction((tx) => recordConsents(tx, workspaceId, profileId, fresh, "api"));
  }
}
