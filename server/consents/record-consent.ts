import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consentEvents, GENERAL_TOPIC, profileConsents, suppressions, type TConsentSource, type TConsentStatus } from "@/db/schema";
import { rowsOf } from "@/db/rows";

export interface TConsentChange {
  channel: string;
  /** null: the channel's general marketing consent. */
  topicId: string | null;
  status: TConsentStatus;
}

/**
 * Records consents of one profile with their source, now, and appends them to its history.
 * Subscribing resubscribes: the channel's general "unsubscribed" goes (recorded too) and so
 * does an `unsubscribed` suppression of the addresses the profile was sent to, so the next
 * message goes. Bounces, complaints and manual suppressions stay.
 */
export async function recordConsents(tx: DbOrTx, workspaceId: string, profileId: string, changes: TConsentChange[], source: TConsentSource): Promise<void> {
  const rows = changes.map((c) => ({ profileId, workspaceId, channel: c.channel, topicId: c.topicId ?? GENERAL_TOPIC, status: c.status, source }));
  const subscribing = [...new Set(changes.filter((c) => c.status === "subscribed").map((c) => c.channel))];
  if (subscribing.length) {
    const general = await tx
      .select({ channel: profileConsents.channel })
      .from(profileConsents)
      .where(and(eq(profileConsents.profileId, profileId), eq(profileConsents.topicId, GENERAL_TOPIC), eq(profileConsents.status, "unsubscribed"), inArray(profileConsents.channel, subscribing)));
    for (const g of general) {
      if (!rows.some((r) => r.channel === g.channel && r.topicId === GENERAL_TOPIC)) rows.push({ profileId, workspaceId, channel: g.channel, topicId: GENERAL_TOPIC, status: "subscribed", source });
    }
    await liftUnsubscribes(tx, workspaceId, [profileId], subscribing);
  }
  if (!rows.length) return;
  await tx
    .insert(profileConsents)
    .values(rows.map((r) => ({ ...r, updatedAt: new Date() })))
    .onConflictDoUpdate({
      target: [profileConsents.profileId, profileConsents.channel, profileConsents.topicId],
      set: { status: sql`excluded.status`, source: sql`excluded.source`, updatedAt: sql`excluded.updated_at` },
    });
  await tx.insert(consentEvents).values(rows);
}

/** Removes `unsubscribed` suppressions of the addresses these profiles have (attributes, identities) or were sent to, on these channels. */
async function liftUnsubscribes(tx: DbOrTx, workspaceId: string, profileIds: string[], channels: string[]): Promise<void> {
  const addresses = rowsOf<{ channel: string; address: string }>(
    await tx.execute(sql`
      select m.kind as channel, m.recipient as address from messages m
        where m.profile_id = any(${`{${profileIds.join(",")}}`}::uuid[]) and m.kind = any(${`{${channels.join(",")}}`}::text[]) and m.recipient is not null
      union select 'email', lower(p.attributes->>'email') from profiles p where p.id = any(${`{${profileIds.join(",")}}`}::uuid[]) and p.attributes->>'email' is not null
      union select 'sms', p.attributes->>'phone' from profiles p where p.id = any(${`{${profileIds.join(",")}}`}::uuid[]) and p.attributes->>'phone' is not null
      union select i.namespace, i.value from profile_identities i where i.profile_id = any(${`{${profileIds.join(",")}}`}::uuid[]) and i.namespace in ('email', 'phone')`),
  );
  for (const channel of channels) {
    const list = [...new Set(addresses.filter((a) => a.channel === channel || (channel === "sms" && a.channel === "phone")).map((a) => a.address))];
    if (!list.length) continue;
    await tx.delete(suppressions).where(and(eq(suppressions.workspaceId, workspaceId), eq(suppressions.channel, channel), eq(suppressions.reason, "unsubscribed"), inArray(suppressions.address, list)));
  }
}
