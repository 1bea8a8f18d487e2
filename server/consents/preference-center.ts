import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { messages, suppressions, workspaces } from "@/db/schema";
import { AppError } from "@/server/errors";
import { readTrackingToken } from "@/server/messaging/tracking-token";
import { changeSubscriptions, profileSubscriptions } from "./profile-subscriptions";
import { recordConsents } from "./record-consent";

/** The message an unsubscribe token names; null for a token that is not genuine (or whose message is gone). */
async function messageOfToken(token: string) {
  const payload = readTrackingToken("unsubscribe", token);
  if (!payload) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: messages.id, workspaceId: messages.workspaceId, workspace: workspaces.name, channel: messages.kind, address: messages.recipient, profileId: messages.profileId, topicId: messages.topicId })
    .from(messages)
    .innerJoin(workspaces, eq(workspaces.id, messages.workspaceId))
    .where(eq(messages.id, payload.m));
  return row ?? null;
}

/**
 * What the preference center shows for an unsubscribe token: the workspace, the channel and
 * address of that message, the channel's general consent and its topics with their state.
 * Nothing of another channel, profile or workspace: the token names one message.
 */
export async function preferencesOf(token: string) {
  const m = await messageOfToken(token);
  if (!m) return null;
  const subs = m.profileId ? await profileSubscriptions(m.workspaceId, m.profileId, m.channel) : { channels: [], topics: [] };
  const general = subs.channels[0];
  return {
    workspace: m.workspace,
    channel: m.channel,
    address: m.address,
    messageTopicId: m.topicId,
    unsubscribedFromAll: general?.status === "unsubscribed",
    topics: subs.topics.map((t) => ({ id: t.id, name: t.name, subscribed: t.status === "subscribed", pending: t.status === "pending" })),
  };
}

export const ZPreferenceChoice = z.object({
  /** Leaves the channel's marketing entirely (its address is suppressed as unsubscribed). */
  unsubscribeAll: z.boolean().default(false),
  topics: z.array(z.object({ id: z.uuid("topics[].id must be a topic's id"), subscribed: z.boolean() })).max(200).default([]),
});

/** Saves the recipient's choice (source "preference_page"): topics of the message's channel only. */
export async function savePreferences(token: string, raw: unknown): Promise<{ saved: true } | null> {
  const m = await messageOfToken(token);
  if (!m || !m.profileId) return null;
  const input = ZPreferenceChoice.parse(raw);
  const own = new Set((await profileSubscriptions(m.workspaceId, m.profileId, m.channel)).topics.map((t) => t.id));
  input.topics.forEach((t, i) => {
    if (!own.has(t.id)) throw new AppError("BAD_REQUEST", "Not a topic of this message's channel", `topics.${i}.id`);
  });
  const profileId = m.profileId;
  if (input.unsubscribeAll) {
    const db = await getDb();
    await db.transaction(async (tx) => {
      await recordConsents(tx, m.workspaceId, profileId, [{ channel: m.channel, topicId: null, status: "unsubscribed" }], "preference_page");
      if (m.address && m.channel !== "push") await tx.insert(suppressions).values({ workspaceId: m.workspaceId, channel: m.channel, address: m.address, reason: "unsubscribed" }).onConflictDoNothing();
    });
    return { saved: true };
  }
  const topics = input.topics.map((t) => ({ id: t.id, status: t.subscribed ? ("subscribed" as const) : ("unsubscribed" as const) }));
  // Saving the page without "unsubscribe from all" is staying: it resubscribes to the channel.
  await changeSubscriptions(m.workspaceId, profileId, { channels: { [m.channel]: "subscribed" }, topics }, "preference_page");
  return { saved: true };
}
