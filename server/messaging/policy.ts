import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { anyOf } from "@/db/any-of";
import { GENERAL_TOPIC, messagingSettings, profileConsents, subscriptionTopics, suppressions } from "@/db/schema";
import { capsFor, reserveCapSlots, type TCapTarget } from "./frequency-caps";
import { isValidTimeZone, quietHoursEnd } from "./quiet-hours";

/**
 * Channels whose marketing needs a recorded opt-in even without a topic: SMS, as the law of
 * most countries requires (TCPA, GDPR/PECR, CASL). Email and push stay opt-out by default;
 * their opt-in topics ask for one.
 */
export const SMS_MARKETING_OPT_IN: ReadonlySet<string> = new Set(["sms"]);

export type TPolicyDecision = { action: "send" } | { action: "suppress"; reason: string } | { action: "defer"; until: Date; reason: string };

/** What the messages of one policy check share. */
export interface TPolicyBase {
  workspaceId: string;
  kind: string;
  /** Transactional messages skip consent (and unsubscribe suppressions), frequency caps and quiet hours, never hard suppressions. */
  transactional: boolean;
  /** Set by an admin on a campaign or a journey message: frequency caps do not hold it back. */
  capExempt?: boolean;
  /** The subscription topic (consent model, docs/messaging.md); none: the channel's general marketing consent. */
  topicId?: string | null;
  now: Date;
}

export interface TPolicyTarget {
  /** The claimed message: a cap slot is reserved on it. */
  messageId: string;
  address: string | null;
  profileId: string | null;
  timezone: string | null;
}

/**
 * The sending rules, in order: suppression list, consent (the channel's general consent, then
 * the topic's: an opt-in topic needs a recorded opt-in, an opt-out topic a recorded leave), quiet hours, frequency caps. Any
 * number of recipients in a few statements (suppressions, consents, settings); with a cap
 * configured, one locked transaction per batch takes the slots (frequency-caps.ts). Decisions
 * in input order.
 */
export async function checkPolicies(db: Db, base: TPolicyBase, targets: TPolicyTarget[]): Promise<TPolicyDecision[]> {
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
  const unsubscribed = new Map<string, string>();
  const optedIn = new Set<string>();
  let optInTopic: string | null = null;
  let settings: typeof messagingSettings.$inferSelect | undefined;
  if (profileIds.length) {
    const topicId = base.topicId ?? null;
    const [topic] = topicId
      ? await db.select({ name: subscriptionTopics.name, defaultStatus: subscriptionTopics.defaultStatus }).from(subscriptionTopics).where(and(eq(subscriptionTopics.id, topicId), eq(subscriptionTopics.workspaceId, base.workspaceId)))
      : [];
    if (topicId && !topic) return targets.map(() => ({ action: "suppress", reason: "The subscription topic does not exist in this workspace" }));
    if (topic?.defaultStatus === "opt_in") optInTopic = topic.name;
    else if (!topicId && SMS_MARKETING_OPT_IN.has(base.kind)) optInTopic = `${base.kind.toUpperCase()} marketing`;
    // One statement for the batch: each profile's general consent for the channel and its consent to the topic.
    const consents = await db
      .select({ profileId: profileConsents.profileId, topicId: profileConsents.topicId, status: profileConsents.status })
      .from(profileConsents)
      .where(and(anyOf(profileConsents.profileId, profileIds, "uuid"), eq(profileConsents.channel, base.kind), inArray(profileConsents.topicId, topicId ? [GENERAL_TOPIC, topicId] : [GENERAL_TOPIC])));
    for (const c of consents) {
      if (c.status === "unsubscribed") unsubscribed.set(c.profileId, c.topicId === GENERAL_TOPIC ? `The profile unsubscribed from ${base.kind}` : `The profile unsubscribed from "${topic?.name}"`);
      // Without a topic, an SMS needs the channel's own recorded opt-in (SMS_MARKETING_OPT_IN).
      else if (c.status === "subscribed" && (c.topicId !== GENERAL_TOPIC || !topicId)) optedIn.add(c.profileId);
    }
    [settings] = await db.select().from(messagingSettings).where(eq(messagingSettings.workspaceId, base.workspaceId));
  }
  const quietEnds = new Map<string, Date | null>(); // per zone: every recipient of a batch is checked at one instant
  const capped: TCapTarget[] = [];
  const decisions = targets.map((t, index): TPolicyDecision => {
    const reason = t.address ? suppressed.get(t.address) : undefined;
    if (reason) return { action: "suppress", reason: `${t.address} is on the suppression list (${reason})` };
    if (base.transactional || !t.profileId) return { action: "send" };
    const left = unsubscribed.get(t.profileId);
    if (left) return { action: "suppress", reason: left };
    if (optInTopic && !optedIn.has(t.profileId)) return { action: "suppress", reason: `No opt-in recorded for "${optInTopic}"` };
    if (settings?.quietHours) {
      const zone = t.timezone && isValidTimeZone(t.timezone) ? t.timezone : settings.defaultTimezone;
      if (!quietEnds.has(zone)) quietEnds.set(zone, quietHoursEnd(base.now, settings.quietHours, zone));
      const until = quietEnds.get(zone);
      if (until) return { action: "defer", until, reason: `Quiet hours ${settings.quietHours.start}-${settings.quietHours.end} (${zone})` };
    }
    capped.push({ index, messageId: t.messageId, profileId: t.profileId });
    return { action: "send" };
  });
  const caps = base.capExempt ? [] : capsFor(settings, base.kind);
  if (caps.length && capped.length) {
    for (const [index, { until, cap }] of await reserveCapSlots(db, base.kind, caps, base.now, capped)) {
      decisions[index] = { action: "defer", until, reason: `Frequency cap: ${cap.max} ${cap.kind ? `${cap.kind} ` : ""}messages per ${cap.hours} h` };
    }
  }
  return decisions;
}
