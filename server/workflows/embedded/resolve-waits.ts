import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { wfJobs, wfRunLog, wfRuns, wfWaits } from "@/db/schema";
import type { TStoredEvent } from "./context";
import { matches } from "./expressions";
import { lookupKeysOf } from "./match-shapes";

/**
 * The open waits `event` matches are resolved: each run gets the event as its step's result
 * and is called again. Candidates are found by key (wait-keys.ts), read without locks, and
 * only the matching ones are locked; the update that resolves a wait re-checks it is open, so
 * of two concurrent intakes matching it one resolves it and the other sees it resolved.
 */
export async function resolveWaits(tx: Tx, event: TStoredEvent, now: Date, shapes: Map<string, string[]>): Promise<boolean> {
  const candidates = await tx
    .select({ id: wfWaits.id, runId: wfWaits.runId, expression: wfWaits.expression, runEvent: wfRuns.event })
    .from(wfWaits)
    .innerJoin(wfRuns, eq(wfRuns.id, wfWaits.runId))
    .where(and(eq(wfWaits.eventName, event.name), inArray(wfWaits.matchKey, lookupKeysOf(event, shapes)), isNull(wfWaits.resolvedAt), gt(wfWaits.expiresAt, now)));
  const matched = candidates.filter((c) => matches(c.expression, { event: c.runEvent, async: event }));
  if (matched.length === 0) return false;
  // Runs before waits, in id order, as a call's transaction and a wait's timeout lock them.
  await tx
    .select({ id: wfRuns.id })
    .from(wfRuns)
    .where(inArray(wfRuns.id, [...new Set(matched.map((m) => m.runId))]))
    .orderBy(asc(wfRuns.id))
    .for("update");
  const resolved = await tx
    .update(wfWaits)
    .set({ resolvedAt: now })
    .where(and(inArray(wfWaits.id, matched.map((m) => m.id)), isNull(wfWaits.resolvedAt)))
    .returning({ runId: wfWaits.runId, stepId: wfWaits.stepId, createdAt: wfWaits.createdAt });
  let resumed = false;
  for (const wait of resolved) if (await resume(tx, wait, event, now)) resumed = true;
  return resumed;
}

/** Memoizes the event as the wait's step result and queues the run's next call, if the run goes on. */
async function resume(tx: Tx, wait: { runId: string; stepId: string; createdAt: Date }, event: TStoredEvent, now: Date): Promise<boolean> {
  const [run] = await tx
    .update(wfRuns)
    .set({
      steps: sql`${wfRuns.steps} || jsonb_build_object(${wait.stepId}::text, jsonb_build_object('data', ${JSON.stringify(event)}::jsonb))`,
      stack: sql`${wfRuns.stack} || jsonb_build_array(${wait.stepId}::text)`,
    })
    .where(and(eq(wfRuns.id, wait.runId), eq(wfRuns.status, "running"), sql`${wfRuns.steps} -> ${wait.stepId}::text is null`))
    .returning({ fnId: wfRuns.fnId, concurrencyKey: wfRuns.concurrencyKey });
  if (!run) return false;
  const [timeout] = await tx
    .update(wfJobs)
    .set({ doneAt: now })
    .where(and(eq(wfJobs.runId, wait.runId), eq(wfJobs.kind, "wait-timeout"), eq(wfJobs.stepId, wait.stepId), isNull(wfJobs.doneAt)))
    .returning({ limit: wfJobs.concurrencyLimit });
  const limit = timeout ? timeout.limit : await limitOf(tx, wait.runId);
  await tx.insert(wfJobs).values({ runId: wait.runId, fnId: run.fnId, kind: "call", stepId: "step", runAt: now, concurrencyKey: run.concurrencyKey, concurrencyLimit: limit }).onConflictDoNothing();
  await tx.insert(wfRunLog).values({ runId: wait.runId, kind: "wait.resolved", stepId: wait.stepId, name: event.name, data: { eventId: event.id }, startedAt: wait.createdAt, endedAt: now });
  return true;
}

async function limitOf(tx: Tx, runId: string): Promise<number | null> {
  const [job] = await tx.select({ limit: wfJobs.concurrencyLimit }).from(wfJobs).where(eq(wfJobs.runId, runId)).limit(1);
  return job?.limit ?? null;
}
