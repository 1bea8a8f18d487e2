import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { GENERAL_TOPIC, profileConsents, profiles, subscriptionTopics, type TConsentSource, type TConsentStatus } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError, notFound } from "@/server/errors";
import { sendOptInConfirmation } from "./double-opt-in";
import { recordConsents, type TConsentChange } from "./record-consent";
import { listTopics } from "./manage-topics";
import { SMS_MARKETING_OPT_IN } from "@/server/messaging/policy";

export const CONSENT_CHANNELS = ["email", "sms", "push"] as const;
const ZStatus = z.enum(["subscribed", "unsubscribed"], { error: "status must be subscribed or unsubscribed" });

/** A change of consents: the channels' general marketing consent and topics, by id. */
export const ZSubscriptionChanges = z.object({
  channels: z.partialRecord(z.enum(CONSENT_CHANNELS, { error: "channels takes email, sms or push" }), ZStatus).optional(),
  topics: z.array(z.object({ id: z.uuid("topics[].id must be a topic's id"), status: ZStatus })).max(200).optional(),
});
export type TSubscriptionChanges = z.input<typeof ZSubscriptionChanges>;

export interface TSubscriptionState {
  status: TConsentStatus;
  /** false: nothing recorded, the default applies. */
  recorded: boolean;
  source: TConsentSource | null;
  updatedAt: string | null;
}

/** The profile must be this workspace's: another's id is a 404, and nothing is read or written. */
async function assertProfile(workspaceId: string, profileId: string) {
  const db = await getDb();
  const [row] = await db.select({ id: profiles.id }).from(profiles).where(and(eq(profiles.id, profileId), eq(profiles.workspaceId, workspaceId)));
  if (!row) throw notFound("Profile");
}

/** A profile's consents: each channel's general one and each (non-archived) topic's, recorded or by default. */
export async function profileSubscriptions(workspaceId: string, profileId: string, channel?: string) {
  await assertProfile(workspaceId, profileId);
  const db = await getDb();
  const rows = await db.select().from(profileConsents).where(and(eq(profileConsents.profileId, profileId), eq(profileConsents.workspaceId, workspaceId)));
  const recorded = new Map(rows.map((r) => [`${r.channel}:${r.topicId}`, r]));
  const state = (key: string, fallback: TConsentStatus): TSubscriptionState => {
    const r = recorded.get(key);
    return r ? { status: r.status, recorded: true, source: r.source ?? null, updatedAt: r.updatedAt.toISOString() } : { status: fallback, recorded: false, source: null, updatedAt: null };
  };
  const channels = CONSENT_CHANNELS.filter((c) => !channel || c === channel).map((c) => ({ channel: c, ...state(`${c}:${GENERAL_TOPIC}`, SMS_MARKETING_OPT_IN.has(c) ? "unsubscribed" : "subscribed") }));
  const topics = (await listTopics(workspaceId))
    .filter((t) => !channel || t.channel === channel)
    .map((t) => ({ id: t.id, name: t.name, channel: t.channel, defaultStatus: t.defaultStatus, doubleOptIn: t.doubleOptIn, ...state(`${t.channel}:${t.id}`, t.defaultStatus === "opt_in" ? "unsubscribed" : "subscribed") }));
  return { channels, topics };
}

/**
 * Records a change of a profile's consents with its source. Topics must be this workspace's
 * (else a 400 naming the field, nothing written). An API opt-in to a double opt-in topic is
 * recorded `pending`: the returned list names those waiting for a confirmation email.
 */
export async function changeSubscriptions(workspaceId: string, profileId: string, raw: TSubscriptionChanges, source: TConsentSource, actor?: TActor) {
  const input = ZSubscriptionChanges.parse(raw);
  await assertProfile(workspaceId, profileId);
  const db = await getDb();
  const ids = [...new Set((input.topics ?? []).map((t) => t.id))];
  const topics = ids.length ? await db.select().from(subscriptionTopics).where(and(eq(subscriptionTopics.workspaceId, workspaceId), inArray(subscriptionTopics.id, ids))) : [];
  const byId = new Map(topics.map((t) => [t.id, t]));
  const subscribed = new Set(
    ids.length ? (await db.select({ topicId: profileConsents.topicId }).from(profileConsents).where(and(eq(profileConsents.profileId, profileId), eq(profileConsents.status, "subscribed"), inArray(profileConsents.topicId, ids)))).map((r) => r.topicId) : [],
  );
  const changes: TConsentChange[] = Object.entries(input.channels ?? {}).map(([channel, status]) => ({ channel, topicId: null, status: status! }));
  const pending: string[] = [];
  for (const [i, t] of (input.topics ?? []).entries()) {
    const topic = byId.get(t.id);
    if (!topic) throw new AppError("BAD_REQUEST", "No such subscription topic in this workspace", `topics.${i}.id`);
    const confirm = topic.doubleOptIn && t.status === "subscribed" && source === "api" && !subscribed.has(topic.id);
    if (confirm) pending.push(topic.id);
    changes.push({ channel: topic.channel, topicId: topic.id, status: confirm ? "pending" : t.status });
  }
  await db.transaction(async (tx) => {
    await recordConsents(tx, workspaceId, profileId, changes, source);
    const diff = Object.fromEntries(changes.map((c) => [`${c.channel}:${c.topicId ? byId.get(c.topicId)!.name : "all marketing"}`, { from: null, to: c.status }]));
    if (actor) await recordAudit(tx, { workspaceId, actor, action: "profile.consent", entityType: "profile", entityId: profileId, diff });
  });
  for (const id of pending) await sendOptInConfirmation(workspaceId, profileId, byId.get(id)!);
  return { pending };
}
