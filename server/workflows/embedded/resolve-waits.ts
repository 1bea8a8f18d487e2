import { and, eq, inArray, isNull, gt } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { wfJobs, wfRunLog, wfRuns, wfWaits } from "@/db/schema";
import type { TExecutorContext, TStoredEvent } from "./context";
import { matches } from "./expressions";
import { closeRun } from "./run-state";

/** The open waits `event` matches are resolved: each run gets the event as its step's result and is called again. */
export async function resolveWaits(tx: Tx, event: TStoredEvent, now: Date): Promise<boolean> {
  let resumed = false;
  const open = await tx
    .select({ wait: wfWaits, runEvent: wfRuns.event, fnId: wfRuns.fnId })
    .from(wfWaits)
    .innerJoin(wfRuns, eq(wfRuns.id, wfWaits.runId))
    .where(and(eq(wfWaits.eventName, event.name), isNull(wfWaits.resolvedAt), gt(wfWaits.expiresAt, now)))
    .for("update", { of: wfWaits, skipLocked: true });
  for (const { wait, runEvent, fnId } of open) {
    if (!matches(wait.expression, { event: runEvent, async: event })) continue;
    await tx.update(wfWaits).set({ resolvedAt: now }).where(eq(wfWaits.id, wait.id));
    const [run] = await tx.select().from(wfRuns).where(eq(wfRuns.id, wait.runId)).for("update");
    if (!run || run.status !== "running" || run.steps[wait.stepId]) continue;
    await tx
      .update(wfRuns)
      .set({ steps: { ...run.steps, [wait.stepId]: { data: event } }, stack: [...run.stack, wait.stepId] })
      .where(eq(wfRuns.id, run.id));
    await tx
      .update(wfJobs)
      .set({ doneAt: now })
      .where(and(eq(wfJobs.runId, run.id), eq(wfJobs.kind, "wait-timeout"), eq(wfJobs.stepId, wait.stepId), isNull(wfJobs.doneAt)));
    await tx.insert(wfJobs).values({ runId: run.id, fnId, kind: "call", stepId: "step", runAt: now, concurrencyKey: run.concurrencyKey, concurrencyLimit: await limitOf(tx, run.id) }).onConflictDoNothing();
    await tx.insert(wfRunLog).values({ runId: run.id, kind: "wait.resolved", stepId: wait.stepId, name: event.name, data: { eventId: event.id }, startedAt: wait.createdAt, endedAt: now });
    resumed = true;
  }
  return resumed;
}

async function limitOf(tx: Tx, runId: string): Promise<number | null> {
  const [job] = await tx.select({ limit: wfJobs.concurrencyLimit }).from(wfJobs).where(eq(wfJobs.runId, runId)).limit(1);
  return job?.limit ?? null;
}

/** The running runs whose `cancelOn` matches `event` are cancelled. */
export async function applyCancellations(ctx: TExecutorContext, tx: Tx, event: TStoredEvent, now: Date) {
  const cancellers = [...ctx.registry.values()].filter((fn) => fn.cancel.some((c) => c.event === event.name));
  if (cancellers.length === 0) return;
  const running = await tx
    .select({ id: wfRuns.id, fnId: wfRuns.fnId, event: wfRuns.event })
    .from(wfRuns)
    .where(and(inArray(wfRuns.fnId, cancellers.map((f) => f.id)), eq(wfRuns.status, "running")));
  for (const run of running) {
    const fn = ctx.registry.get(run.fnId)!;
    const cancel = fn.cancel.some((c) => c.event === event.name && matches(c.if, { event: run.event, async: event }));
    if (cancel) await closeRun(tx, run.id, "cancelled", now, { error: { message: `Cancelled by event ${event.name}`, eventId: event.id } });
  }
}
