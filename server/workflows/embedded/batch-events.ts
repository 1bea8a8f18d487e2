import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { wfJobs, wfRuns } from "@/db/schema";
import type { TExecutorContext, TStoredEvent } from "./context";
import { insertRuns, planRun } from "./create-run";
import { evaluateKey } from "./expressions";
import { workspaceOfEvent, workspaceOfEvents } from "./run-workspace";
import type { TRegisteredFunction } from "./function-registry";

type TRun = typeof wfRuns.$inferSelect;

/**
 * batchEvents: the events go into the function's open batch of their key, if one still has
 * room and time; the rest open new batches. A batch is one run whose first call is due when
 * it is full, or `timeout` after its first event. Returns whether some run is due now.
 */
export async function addToBatches(tx: Tx, fn: TRegisteredFunction, events: TStoredEvent[], now: Date): Promise<boolean> {
  const batch = fn.batch!;
  const byKey = new Map<string, TStoredEvent[]>();
  for (const event of events) {
    const key = evaluateKey(batch.key, { event }) ?? "";
    byKey.set(key, [...(byKey.get(key) ?? []), event]);
  }
  let due = false;
  for (const [key, keyed] of byKey) {
    let rest = keyed;
    // One intake at a time looks for the open batch and opens one: two at once would each
    // open their own, and the smaller would wait out its timeout. Held until commit, so the
    // next one sees the batch this one opened.
    await tx.execute(sql`select pg_advisory_xact_lock(7262, hashtext(${`${fn.id}:${key}`}))`);
    const [open] = await tx
      .select({ id: wfRuns.id, events: wfRuns.events, workspaceId: wfRuns.workspaceId })
      .from(wfRuns)
      .where(and(eq(wfRuns.fnId, fn.id), eq(wfRuns.batchKey, key), sql`${wfRuns.batchOpenUntil} > ${now.toISOString()}::timestamptz`))
      .limit(1)
      .for("update");
    if (open) {
      const room = batch.maxSize - (open.events?.length ?? 0);
      const taken = rest.slice(0, room);
      rest = rest.slice(room);
      const full = taken.length === room;
      // Events of another workspace make the batch the instance's (run-workspace.ts).
      const mixed = open.workspaceId !== null && taken.some((e) => workspaceOfEvent(e) !== open.workspaceId);
      await tx
        .update(wfRuns)
        .set({ events: sql`coalesce(${wfRuns.events}, '[]'::jsonb) || ${JSON.stringify(taken)}::jsonb`, ...(full ? { batchOpenUntil: null } : {}), ...(mixed ? { workspaceId: null } : {}) })
        .where(eq(wfRuns.id, open.id));
      if (full) {
        await tx.update(wfJobs).set({ runAt: now }).where(and(eq(wfJobs.runId, open.id), isNull(wfJobs.doneAt)));
        due = true;
      }
    }
    const planned = [];
    for (let i = 0; i < rest.length; i += batch.maxSize) {
      const chunk = rest.slice(i, i + batch.maxSize);
      const full = chunk.length === batch.maxSize;
      const openUntil = new Date(now.getTime() + batch.timeoutMs);
      // A batched function has no idempotency or throttle (function-registry.ts), so this plans without a query.
      const row = (await planRun(tx, fn, chunk[0]!, now))!;
      planned.push({ row: { ...row, events: chunk as unknown as Record<string, unknown>[], workspaceId: workspaceOfEvents(chunk), batchKey: key, batchOpenUntil: full ? null : openUntil }, fn, jobAt: full ? now : openUntil });
      if (full) due = true;
    }
    await insertRuns(tx, planned, now);
  }
  return due;
}

/**
 * Closes every open batch and makes its run due now, as if its timeout had passed: drain()
 * (tests, the CLI, the virtual clock) means "everything that is waiting for nothing".
 */
export async function flushBatches(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const closed = await tx.update(wfRuns).set({ batchOpenUntil: null }).where(isNotNull(wfRuns.batchOpenUntil)).returning({ id: wfRuns.id });
    if (closed.length === 0) return 0;
    await tx
      .update(wfJobs)
      .set({ runAt: now })
      .where(and(inArray(wfJobs.runId, closed.map((r) => r.id)), isNull(wfJobs.doneAt), sql`${wfJobs.runAt} > ${now.toISOString()}::timestamptz`));
    return closed.length;
  });
}

/**
 * A batch whose time is up takes no more events from its first call on: closing it waits for
 * any intake appending to it, and the events read back are the batch for good.
 */
export async function closedBatch<T extends Pick<TRun, "id" | "batchOpenUntil" | "events">>(ctx: TExecutorContext, run: T | undefined): Promise<T | undefined> {
  if (!run?.batchOpenUntil) return run;
  const [closed] = await ctx.db.update(wfRuns).set({ batchOpenUntil: null }).where(eq(wfRuns.id, run.id)).returning({ events: wfRuns.events });
  return { ...run, batchOpenUntil: null, events: closed?.events ?? run.events };
}
