import { and, asc, eq, gt, inArray, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { anyOf } from "@/db/any-of";
import { messages, messagingSettings, profileConsents, suppressions } from "@/db/schema";
import { isValidTimeZone, quietHoursEnd } from "./quiet-hours";

export type TPolicyDecision = { action: "send" } | { action: "suppress"; reason: string } | { action: "defer"; until: Date; reason: string };

/** What the messages of one policy check share. */
export interface TPolicyBase {
  workspaceId: string;
  kind: string;
  /** Transactional messages skip consent (and unsubscribe suppressions), frequency cap and quiet hours, never hard suppressions. */
  transactional: boolean;
  now: Date;
}

export interface TPolicyTarget {
  address: string | null;
  profileId: string | null;
  timezone: string | null;
}

/**
 * The sending rules, in order: suppression list, consent, frequency cap, quiet hours. Any
 * number of recipients in a few statements (suppressions, consents, settings, recent sends);
 * decisions in input order.
 */
export async function checkPolicies(db: DbOrTx, base: TPolicyBase, targets: TPolicyTarget[]): Promise<TPolicyDecision[]> {
  const addresses = [...new Set(targets.flatMap((t) => (t.address ? [t.address] : [])))];
  const suppressed = new Map<string, string>();
  if (addresses.length) {
    const rows = await db
      .select({ address: suppressions.address, reason: suppressions.reason })
      .from(suppressions)
      .where(
        and(
          eq(suppressions.workspaceId, base.workspaceId),
          eq(suppressions.channel, base.kind),
          anyOf(suppressions.address, addresses, "text"),
          // An unsubscribe is from marketing; bounces, complaints and manual entries stop everything.
          base.transactional ? ne(suppressions.reason, "unsubscribed") : undefined,
        ),
      );
    for (const r of rows) suppressed.set(r.address, r.reason);
  }
  const profileIds = base.transactional ? [] : [...new Set(targets.flatMap((t) => (t.profileId ? [t.profileId] : [])))];
  const unsubscribed = new Set<string>();
  const recent = new Map<string, Date[]>();
  let settings: typeof messagingSettings.$inferSelect | undefined;
  if (profileIds.length) {
    const consents = await db
      .select({ profileId: profileConsents.profileId })
      .from(profileConsents)
      .where(and(anyOf(profileConsents.profileId, profileIds, "uuid"), eq(profileConsents.channel, base.kind), eq(profileConsents.status, "unsubscribed")));
    for (const c of consents) unsubscribed.add(c.profileId);
    [settings] = await db.select().from(messagingSettings).where(eq(messagingSettings.workspaceId, base.workspaceId));
    if (settings?.frequencyCap) {
      const since = new Date(base.now.getTime() - settings.frequencyCap.hours * 3_600_000);
      const sent = await db
        .select({ profileId: messages.profileId, sentAt: messages.sentAt })
        .from(messages)
        .where(and(anyOf(messages.profileId, profileIds, "uuid"), inArray(messages.sourceType, ["campaign", "journey"]), eq(messages.isTest, false), gt(messages.sentAt, since), sql`${messages.status} in ('sent', 'delivered')`))
        .orderBy(asc(messages.sentAt));
      for (const s of sent) recent.set(s.profileId!, [...(recent.get(s.profileId!) ?? []), s.sentAt!]);
    }
  }
  const quietEnds = new Map<string, Date | null>(); // per zone: every recipient of a batch is checked at one instant
  return targets.map((t): TPolicyDecision => {
    const reason = t.address ? suppressed.get(t.address) : undefined;
    if (reason) return { action: "suppress", reason: `${t.address} is on the suppression list (${reason})` };
    if (base.transactional || !t.profileId) return { action: "send" };
    if (unsubscribed.has(t.profileId)) return { action: "suppress", reason: `The profile unsubscribed from ${base.kind}` };
    if (settings?.frequencyCap) {
      const { max, hours } = settings.frequencyCap;
      const times = recent.get(t.profileId) ?? [];
      if (times.length >= max) return { action: "defer", until: new Date(times[times.length - max]!.getTime() + hours * 3_600_000), reason: `Frequency cap: ${max} messages per ${hours} h` };
    }
    if (settings?.quietHours) {
      const zone = t.timezone && isValidTimeZone(t.timezone) ? t.timezone : settings.defaultTimezone;
      if (!quietEnds.has(zone)) quietEnds.set(zone, quietHoursEnd(base.now, settings.quietHours, zone));
      const until = quietEnds.get(zone);
      if (until) return { action: "defer", until, reason: `Quiet hours ${settings.quietHours.start}-${settings.quietHours.end} (${zone})` };
    }
    return { action: "send" };
  });
}
