import { inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { messageEvents, messages } from "@/db/schema";
import type { TMessageEventType } from "@/db/schema";

type TMessageRow = typeof messages.$inferSelect;
type TData = Record<string, unknown> | ((message: TMessageRow) => Record<string, unknown>);
export type TRecordedReaction = { message: TMessageRow; type: TMessageEventType; data: Record<string, unknown> };
type TPending = { messageId: string; type: TMessageEventType; data: TData; done: (row: TMessageRow | null) => void; failed: (error: unknown) => void };

/** Reactions recorded in one statement at most; a bigger burst goes in several. */
const MAX_BATCH = 1_000;

/**
 * Records reactions (opens, clicks: events that change nothing but the history) with the
 * others that arrive meanwhile, as a database's group commit does: the first waits for no
 * timer (its batch goes at the next turn of the event loop), and while a batch is being
 * written the next ones gather. So at 500 opens a second the tracking endpoints cost a few
 * statements per batch instead of a transaction per open. Each call's promise settles once its
 * batch is stored and `publish` (told the batch's stored reactions) is done, as a single
 * record would; an unknown message gets null.
 */
export function reactionRecorder(publish: (recorded: TRecordedReaction[]) => Promise<void>) {
  let queue: TPending[] = [];
  let flushing = false;

  async function flushAll(): Promise<void> {
    try {
      while (queue.length) {
        const batch = queue.slice(0, MAX_BATCH);
        queue = queue.slice(batch.length);
        await recordBatch(batch, publish).catch((error: unknown) => batch.forEach((p) => p.failed(error)));
      }
    } finally {
      flushing = false;
    }
  }

  return (messageId: string, type: TMessageEventType, data: TData): Promise<TMessageRow | null> =>
    new Promise((done, failed) => {
      queue.push({ messageId, type, data, done, failed });
      if (!flushing) {
        flushing = true;
        setImmediate(() => void flushAll());
      }
    });
}

async function recordBatch(batch: TPending[], publish: (recorded: TRecordedReaction[]) => Promise<void>): Promise<void> {
  const db = await getDb();
  const rows = await db.select().from(messages).where(inArray(messages.id, [...new Set(batch.map((p) => p.messageId))]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const recorded: (TRecordedReaction | null)[] = batch.map((p) => {
    const message = byId.get(p.messageId);
    return message ? { message, type: p.type, data: typeof p.data === "function" ? p.data(message) : p.data } : null;
  });
  const stored = recorded.filter((r): r is TRecordedReaction => r !== null);
  if (stored.length) await db.insert(messageEvents).values(stored.map((r) => ({ messageId: r.message.id, workspaceId: r.message.workspaceId, type: r.type, data: r.data })));
  await publish(stored);
  batch.forEach((p, n) => p.done(recorded[n]?.message ?? null));
}
