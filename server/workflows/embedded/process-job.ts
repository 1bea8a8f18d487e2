import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { wfJobs, wfRunLog, wfRuns, wfWaits } from "@/db/schema";
import type { TMemo } from "@/db/schema/workflows";
import { callFunction, type TCallResult } from "./call-function";
import type { TExecutorContext } from "./context";
import { applyOps } from "./apply-ops";
import { closedBatch } from "./batch-events";
import { closeRun } from "./run-state";
import { FUNCTION_FAILED } from "./run-workspace";
import { transaction } from "@/db/transaction";

export type TJob = typeof wfJobs.$inferSelect;
type TRun = typeof wfRuns.$inferSelect;

// A run's next call is taken on by the worker that queued it, up to this many in a row,
// so a chain of steps does not go back through the claim queue between every step.
const MAX_HOPS = 50;

/** Runs one claimed job, then the run's next calls it queued for itself (not once the process is stopping). */
export async function processJob(ctx: TExecutorContext, job: TJob): Promise<void> {
  let next: TJob | null = job;
  for (let hop = 0; next && hop < MAX_HOPS && !ctx.stopping; hop++) {
    const current: TJob = next;
    ctx.leases.hold(current.id);
    try {
      next = await processOne(ctx, current);
    } finally {
      ctx.leases.release(current.id);
    }
  }
  if (next) await ctx.db.update(wfJobs).set({ lockedUntil: null, lockedBy: null }).where(eq(wfJobs.id, next.id));
}

/** Never holds a transaction while the function runs. Returns a follow-up job already leased to us. */
async function processOne(ctx: TExecutorContext, job: TJob): Promise<TJob | null> {
  if (job.kind === "sleep" || job.kind === "wait-timeout") return wake(ctx, job);
  const run = await closedBatch(ctx, (await ctx.db.select().from(wfRuns).where(eq(wfRuns.id, job.runId)))[0]);
  if (!run || run.status !== "running") {
    await finishJob(ctx, job);
    return null;
  }
  const startedAt = ctx.clock.now();
  let result: TCallResult;
  try {
    result = await callFunction(ctx.invoke, stateOf(run, job), job.stepId);
  } catch (error) {
    result = { kind: "error", retriable: true, error: { message: (error as Error).message }, retryAfterMs: null };
  }
  let failed: { run: TRun; error: unknown } | null = null;
  let next: TJob | null = null;
  await transaction(ctx.db, async (tx) => {
    next = null; // a retried transaction starts over
    failed = null;
    const current = await lockRunForJob(tx, ctx, job);
    if (!current) return;
    const now = ctx.clock.now();
    await tx.update(wfJobs).set({ doneAt: now }).where(eq(wfJobs.id, job.id));
    if (result.kind === "done") {
      await closeRun(tx, current.id, "completed", now, { output: result.output });
    } else if (result.kind === "ops") {
      const outcome = await applyOps(tx, ctx, current, job, result.ops, startedAt, now);
      if (outcome.failure) failed = { run: current, error: outcome.failure };
      next = outcome.next ?? null;
      // Steps that finished while this call ran were not seen by it; without another
      // discovery call the run would wait forever for a wake-up that already happened.
      if (!next && !outcome.failure && current.stack.length > run.stack.length) next = await queueOwnCall(tx, ctx, job, now);
    } else if (result.retriable && job.attempt + 1 < current.maxAttempts) {
      const retryAt = new Date(now.getTime() + (result.retryAfterMs ?? ctx.backoff(job.attempt)));
      await tx.insert(wfJobs).values({ ...jobFields(job), attempt: job.attempt + 1, runAt: retryAt });
      await tx.insert(wfRunLog).values({ runId: current.id, kind: "function.error", stepId: job.stepId, attempt: job.attempt, data: result.error as object, startedAt, endedAt: now });
    } else {
      await closeRun(tx, current.id, "failed", now, { error: result.error });
      failed = { run: current, error: result.error };
    }
  });
  if (failed) await reportFailure(ctx, failed);
  return next;
}

/** A due sleep, or a wait whose timeout came first: memoize null and call again. */
async function wake(ctx: TExecutorContext, job: TJob): Promise<TJob | null> {
  return transaction(ctx.db, async (tx) => {
    const run = await lockRunForJob(tx, ctx, job);
    if (!run) return null;
    const now = ctx.clock.now();
    await tx.update(wfJobs).set({ doneAt: now }).where(eq(wfJobs.id, job.id));
    if (job.kind === "wait-timeout") {
      const [open] = await tx
        .update(wfWaits)
        .set({ resolvedAt: now })
        .where(and(eq(wfWaits.runId, run.id), eq(wfWaits.stepId, job.stepId), isNull(wfWaits.resolvedAt)))
        .returning();
      if (!open) return null; // the event came first
      await tx.insert(wfRunLog).values({ runId: run.id, kind: "wait.timeout", stepId: job.stepId, name: open.eventName, startedAt: open.createdAt, endedAt: now });
    } else {
      await tx.insert(wfRunLog).values({ runId: run.id, kind: "sleep.done", stepId: job.stepId, startedAt: job.runAt, endedAt: now });
    }
    if (run.steps[job.stepId]) return null;
    const steps: Record<string, TMemo> = { ...run.steps, [job.stepId]: { data: null } };
    await tx.update(wfRuns).set({ steps, stack: [...run.stack, job.stepId] }).where(eq(wfRuns.id, run.id));
    return queueOwnCall(tx, ctx, job, now);
  });
}

/** The run, locked, if this worker still holds the job's lease and the run goes on. */
async function lockRunForJob(tx: Tx, ctx: TExecutorContext, job: TJob): Promise<TRun | null> {
  const [run] = await tx.select().from(wfRuns).where(eq(wfRuns.id, job.runId)).for("update");
  const [mine] = await tx
    .select({ id: wfJobs.id })
    .from(wfJobs)
    .where(and(eq(wfJobs.id, job.id), eq(wfJobs.lockedBy, ctx.workerId), isNull(wfJobs.doneAt)))
    .for("update");
  if (!mine) return null; // the lease expired and another worker took over
  if (!run || run.status !== "running") {
    await tx.update(wfJobs).set({ doneAt: ctx.clock.now() }).where(eq(wfJobs.id, job.id));
    return null;
  }
  return run;
}

async function finishJob(ctx: TExecutorContext, job: TJob) {
  await ctx.db.update(wfJobs).set({ doneAt: ctx.clock.now() }).where(and(eq(wfJobs.id, job.id), eq(wfJobs.lockedBy, ctx.workerId)));
}

/** Queues the run's next discovery call, leased to this worker so it can go on at once. */
export async function queueOwnCall(tx: Tx, ctx: TExecutorContext, job: TJob, now: Date): Promise<TJob | null> {
  const [next] = await tx
    .insert(wfJobs)
    .values({ ...jobFields(job), kind: "call", stepId: "step", attempt: 0, runAt: now, lockedBy: ctx.workerId, lockedUntil: new Date(now.getTime() + ctx.leaseMs) })
    .onConflictDoNothing()
    .returning();
  return next ?? null;
}

export function jobFields(job: TJob) {
  return { runId: job.runId, fnId: job.fnId, kind: job.kind, stepId: job.stepId, concurrencyKey: job.concurrencyKey, concurrencyLimit: job.concurrencyLimit };
}

function stateOf(run: TRun, job: TJob) {
  return {
    runId: run.id,
    fnId: run.fnId,
    event: run.event,
    events: run.events,
    steps: run.steps,
    stack: run.stack,
    attempt: job.attempt,
    maxAttempts: run.maxAttempts,
    disableImmediateExecution: run.disableImmediateExecution,
  };
}

/** `inngest/function.failed` triggers the function's onFailure handler, as on Inngest. */
async function reportFailure(ctx: TExecutorContext, failed: { run: TRun; error: unknown }) {
  if (failed.run.fnId.endsWith("-failure")) return;
  await ctx.emit([
    // Its handler's run belongs to the workspace of `event` (run-workspace.ts).
    { name: FUNCTION_FAILED, data: { function_id: failed.run.fnId, run_id: failed.run.id, error: failed.error, event: failed.run.event } },
  ]);
}

export function isDatabaseError(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  return typeof e?.code === "string" || typeof e?.cause?.code === "string" || /connect|ECONN|terminat/i.test(String((error as Error)?.message));
}

export async function failRunOnExecutorError(ctx: TExecutorContext, job: TJob, error: unknown): Promise<void> {
  const message = `The executor could not handle this run: ${(error as Error)?.message ?? String(error)}`;
  await transaction(ctx.db, (tx) => closeRun(tx, job.runId, "failed", ctx.clock.now(), { error: { name: "ExecutorError", message } }));
}
