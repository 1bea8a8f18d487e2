import { inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { messageEvents, messages } from "@/db/schema";
import type { TMessageEventType } from "@/db/schema";

type TMessageRow = typeof messages.$inferSelect;
type TData = Record<string, unknown> | ((message: TMessageRow) => Record<string, unknown>);
type TRecorded = { message: TMessageRow; type: TMessageEventType; data: Record<string, unknown> };
type TPending = { messageId: string; type: TMessageEventType; data: TData; done: (row: TMessageRow | null) => void; failed: (error: unknown) => void };

/** Reactions recorded in one statement at most; a bigger burst goes in several. */
const MAX_BATCH = 1_000;

let queue: TPending[] = [];
let flushing = false;

/**
 * Records a reaction (an open, a click: events that change nothing but the history) with the
 * others that arrive meanwhile, as a database's group commit does: the first waits for no
 * timer (its batch goes at the next turn of the event loop), and while a batch is being
 * written the next ones gather. So at 500 opens a second the tracking endpoint costs a few
 * statements per batch instead of a transaction per open. The promise settles once the batch
 * is stored and `then` (the publishing) is done, as a single record would.
 */
export function recordReactionTogether(messageId: string, type: TMessageEventType, data: TData, then: (recorded: TRecorded[]) => Promise<void>): Promise<TMessageRow | null> {
  return new Promise((done, failed) => {
    queue.push({ messageId, type, data, done, failed });
    if (!flushing) {
      flushing = true;
      setImmediate(() => void flushAll(then));
    }
  });
}

async function flushAll(then: (recorded: TRecorded[]) => Promise<void>): Promise<void> {
  try {
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      await recordBatch(batch, then).catch((error: unknown) => batch.forEach((p) => p.failed(error)));
    }
  } finally {
    flushing = false;
  }
}

async function recordBatch(batch: TPending[], then: (recorded: TRecorded[]) => Promise<void>): Promise<void> {
  const db = await getDb();
  const rows = await db.select().from(messages).where(inArray(messages.id, [...new Set(batch.map((p) => p.messageId))]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const recorded: (TRecorded | null)[] = batch.map((p) => {
    const message = byId.get(p.messageId);
    return message ? { message, type: p.type, data: typeof p.data === "function" ? p.data(message) : p.data } : null;
  });
  const stored = recorded.filter((r): r is TRecorded => r !== null);
  if (stored.length) await db.insert(messageEvents).values(stored.map((r) => ({ messageId: r.message.id, workspaceId: r.message.workspaceId, type: r.type, data: r.data })));
  await then(stored);
  batch.forEach((p, n) => p.done(recorded[n]?.message ?? null));
}
