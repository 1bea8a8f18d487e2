import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { messages, messagingSettings, profileConsents, suppressions } from "@/db/schema";
import { isValidTimeZone, quietHoursEnd } from "./quiet-hours";

export type TPolicyDecision = { action: "send" } | { action: "suppress"; reason: string } | { action: "defer"; until: Date; reason: string };

export interface TPolicyInput {
  workspaceId: string;
  kind: string;
  address: string | null;
  profileId: string | null;
  timezone: string | null;
  /** Transactional messages skip consent, frequency cap and quiet hours, never hard suppressions. */
  transactional: boolean;
  now: Date;
}

/** The sending rules, in order: suppression list, consent, frequency cap, quiet hours. */
export async function checkPolicy(db: DbOrTx, input: TPolicyInput): Promise<TPolicyDecision> {
  if (input.address) {
    const [suppressed] = await db
      .select({ reason: suppressions.reason })
      .from(suppressions)
      .where(and(eq(suppressions.workspaceId, input.workspaceId), eq(suppressions.channel, input.kind), eq(suppressions.address, input.address)));
    if (suppressed) return { action: "suppress", reason: `${input.address} is on the suppression list (${suppressed.reason})` };
  }
  if (input.transactional || !input.profileId) return { action: "send" };
  const [consent] = await db
    .select({ status: profileConsents.status })
    .from(profileConsents)
    .where(and(eq(profileConsents.profileId, input.profileId), eq(profileConsents.channel, input.kind)));
  if (consent?.status === "unsubscribed") return { action: "suppress", reason: `The profile unsubscribed from ${input.kind}` };

  const [settings] = await db.select().from(messagingSettings).where(eq(messagingSettings.workspaceId, input.workspaceId));
  if (settings?.frequencyCap) {
    const { max, hours } = settings.frequencyCap;
    const since = new Date(input.now.getTime() - hours * 3_600_000);
    const recent = await db
      .select({ sentAt: messages.sentAt })
      .from(messages)
      .where(and(eq(messages.profileId, input.profileId), inArray(messages.sourceType, ["campaign", "journey"]), eq(messages.isTest, false), gt(messages.sentAt, since), sql`${messages.status} in ('sent', 'delivered')`))
      .orderBy(asc(messages.sentAt));
    if (recent.length >= max) {
      const until = new Date(recent[recent.length - max]!.sentAt!.getTime() + hours * 3_600_000);
      return { action: "defer", until, reason: `Frequency cap: ${max} messages per ${hours} h` };
    }
  }
  if (settings?.quietHours) {
    const zone = input.timezone && isValidTimeZone(input.timezone) ? input.timezone : settings.defaultTimezone;
    const until = quietHoursEnd(input.now, settings.quietHours, zone);
    if (until) return { action: "defer", until, reason: `Quiet hours ${settings.quietHours.start}-${settings.quietHours.end} (${zone})` };
  }
  return { action: "send" };
}
