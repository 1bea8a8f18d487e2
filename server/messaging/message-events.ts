import { eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { messageEvents, messages, suppressions, type TMessageEventType, type TMessageStatus } from "@/db/schema";
import { recordConsents } from "@/server/consents/record-consent";
import { canPublishEvents, eventIsHeard, publishEvents } from "@/server/workflows/client";
import { messageEvent } from "@/server/workflows/events";
import { enqueueMessageWebhooks } from "@/server/webhooks/message-webhooks";
import { isUuid } from "@/server/ids";
import { reactionRecorder } from "./record-reactions";

// What each event does to the message's status; reactions (opened, clicked) leave it alone.
const STATUS_AFTER: Partial<Record<TMessageEventType, TMessageStatus>> = {
  sent: "sent",
  delivered: "delivered",
  bounced: "bounced",
  complained: "complained",
  failed: "failed",
  suppressed: "suppressed",
  deferred: "deferred",
};

export type TMessageRow = typeof messages.$inferSelect;

/** Appends to a message's history (and its status), in the caller's transaction. */
export async function appendMessageEvent(tx: DbOrTx, message: TMessageRow, type: TMessageEventType, data: Record<string, unknown> = {}): Promise<void> {
  await tx.insert(messageEvents).values({ messageId: message.id, workspaceId: message.workspaceId, type, data });
  const status = STATUS_AFTER[type];
  // Delivery news never downgrades a message that already bounced or complained.
  if (status) await tx.update(messages).set({ status, updatedAt: new Date() }).where(sql`${messages.id} = ${message.id} and ${messages.status} not in ('bounced', 'complained')`);
  // Unsubscribing from a message of a topic leaves that topic only; from one without, the channel
  // (and its address is suppressed). An SMS STOP blocks the number at the carrier: the channel.
  const leavesTopic = Boolean(type === "unsubscribed" && message.topicId && message.profileId && message.kind !== "sms");
  if (!leavesTopic && (type === "unsubscribed" || type === "complained" || (type === "bounced" && data.permanent !== false))) {
    if (message.recipient && message.kind !== "push") {
      const reason = type === "bounced" ? "bounced" : type === "complained" ? "complained" : "unsubscribed";
      await tx.insert(suppressions).values({ workspaceId: message.workspaceId, channel: message.kind, address: message.recipient, reason }).onConflictDoNothing();
    }
  }
  if (message.profileId && type === "unsubscribed") {
    const source = message.kind === "sms" ? "provider_stop" : "unsubscribe_link";
    await recordConsents(tx, message.workspaceId, message.profileId, [{ channel: message.kind, topicId: leavesTopic ? message.topicId : null, status: "unsubscribed" }], source);
  }
}

/**
 * Records an event from tracking or a provider webhook and tells the workflows. `data` may be
 * worked out from the message (a machine open depends on when it was sent); an event marked
 * `machine` (machine-opens.ts) is kept in the history but is no reaction: journeys never hear it.
 */
export async function recordMessageEvent(messageId: string, type: TMessageEventType, data: Record<string, unknown> | ((message: TMessageRow) => Record<string, unknown>) = {}): Promise<TMessageRow | null> {
  if (!isUuid(messageId)) return null;
  if (HISTORY_ONLY.has(type)) return recordReaction(messageId, type, data);
  const db = await getDb();
  let recorded: Record<string, unknown> = {};
  const message = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(messages).where(eq(messages.id, messageId)).for("update");
    if (!row) return null;
    recorded = typeof data === "function" ? data(row) : data;
    await appendMessageEvent(tx, row, type, recorded);
    return row;
  });
  if (message && !recorded.machine) await publishMessageEvent(message, type, typeof recorded.url === "string" ? recorded.url : undefined);
  return message;
}

/** Events that add to the history and nothing else (appendMessageEvent changes no status for them): recorded together (record-reactions.ts). */
const HISTORY_ONLY: ReadonlySet<TMessageEventType> = new Set(["opened", "clicked"]);

/** Opens and clicks recorded together (record-reactions.ts), then published as recordMessageEvent publishes one. */
const recordReaction = reactionRecorder((recorded) =>
  publishMessageEvents(recorded.filter((r) => !r.data.machine).map((r) => ({ message: r.message, type: r.type, ...(typeof r.data.url === "string" ? { url: r.data.url } : {}) }))),
);

export async function publishMessageEvent(message: TMessageRow, type: TMessageEventType, url?: string): Promise<void> {
  await publishMessageEvents([{ message, type, url }]);
}

/** Events per send: one call carries a whole batch's events to the workflows. */
const PUBLISH_CHUNK = 1_000;

/** Tells the workflows (`parcours/message.event`) when something listens (eventIsHeard); a failure is logged, never thrown: the history is already stored. */
export async function publishMessageEvents(items: { message: TMessageRow; type: TMessageEventType; url?: string }[]): Promise<void> {
  await enqueueMessageWebhooks(items);
  await takeJourneyReactions(items);
  if (!canPublishEvents() || items.length === 0 || !(await eventIsHeard(messageEvent.name).catch(() => true))) return;
  for (let i = 0; i < items.length; i += PUBLISH_CHUNK) {
    const chunk = items.slice(i, i + PUBLISH_CHUNK);
    try {
      await publishEvents(
        chunk.map(({ message, type, url }) =>
          messageEvent.create({
            workspaceId: message.workspaceId,
            messageId: message.id,
            profileId: message.profileId,
            type,
            kind: message.kind,
            sourceType: message.sourceType,
            sourceId: message.sourceId,
            stepId: message.stepId,
            ...(url ? { url } : {}),
          }),
        ),
      );
    } catch (error) {
      const first = chunk[0]!;
      console.error(`[messaging] could not publish ${chunk.length} message event(s) (message/${first.type} for ${first.message.id}…):`, (error as Error).message);
    }
  }
}

const REACTIONS: ReadonlySet<string> = new Set(["delivered", "opened", "clicked"]);

/** Journey profiles waiting for these reactions go on now (take-reactions.ts); logged, never thrown: the history is already stored. */
async function takeJourneyReactions(items: { message: TMessageRow; type: TMessageEventType }[]): Promise<void> {
  const reactions = items.filter((i) => i.message.sourceType === "journey" && REACTIONS.has(i.type));
  if (reactions.length === 0) return;
  try {
    // Imported when used: the journey engine sends through this module.
    const { takeReactions } = await import("@/server/journeys/cohorts/take-reactions");
    await takeReactions(reactions.map(({ message, type }) => ({ workspaceId: message.workspaceId, messageId: message.id, type, sourceType: message.sourceType })));
  } catch (error) {
    console.error(`[messaging] journey reactions of ${reactions.length} message event(s) not taken:`, (error as Error).message);
  }
}
