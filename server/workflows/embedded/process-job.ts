import { and, eq } from "drizzle-orm";
import { wfJobs } from "@/db/schema";
import { closedBatch } from "./batch-events";
import { callFunction, type TCallResult } from "./call-function";
import type { TClaimedJob } from "./claim-jobs";
import type { TExecutorContext } from "./context";
import { commitLocked } from "./locked-commit";
import { commitIfUnchanged } from "./quick-commit";
import type { TCallRecord } from "./record-call";
import { readRun, type TRunSnapshot } from "./run-snapshot";
import { wakeOnWaitTimeout } from "./wait-timeout";

export type TJob = typeof wfJobs.$inferSelect;

// A run's next call is taken on by the worker that queued it, up to this many in a row,
// so a chain of steps does not go back through the claim queue between every step.
const MAX_HOPS = 50;

/** Runs one claimed job, then the run's next calls it queued for itself (not once the process is stopping). */
export async function processJob(ctx: TExecutorContext, job: TClaimedJob): Promise<void> {
  let next: TJob | null = job;
  // The run as the claim read it, then as this worker's last call left it: no read before a call.
  let known: TRunSnapshot | undefined = job.run;
  for (let hop = 0; next && hop < MAX_HOPS && !ctx.stopping; hop++) {
    const current: TJob = next;
    ctx.leases.hold(current.id);
    try {
      ({ next, run: known } = await processOne(ctx, current, known));
    } finally {
      ctx.leases.release(current.id);
    }
  }
  if (next) await ctx.db.update(wfJobs).set({ lockedUntil: null, lockedBy: null }).where(eq(wfJobs.id, next.id));
}

export type THop = { next: TJob | null; run?: TRunSnapshot };

/**
 * Never holds a transaction while the function runs. The run is read in full only when
 * this worker does not know it from its last call: a stale snapshot is caught when the
 * call is written (the statement applies only to the run as the call saw it).
 */
async function processOne(ctx: TExecutorContext, job: TJob, known: TRunSnapshot | undefined): Promise<THop> {
  if (job.kind === "wait-timeout") return { next: await wakeOnWaitTimeout(ctx, job) };
  const run = known?.id === job.runId ? known : await currentRun(ctx, job.runId);
  const sleeping = job.kind === "sleep";
  if (!run || run.status !== "running" || (sleeping && run.steps[job.stepId])) {
    await finishJob(ctx, job);
    return { next: null };
  }
  const state = sleeping ? { ...run, steps: { ...run.steps, [job.stepId]: { data: null } }, stack: [...run.stack, job.stepId] } : run;
  const startedAt = ctx.clock.now();
  let result: TCallResult;
  try {
    result = await callFunction(ctx.invoke, { ...state, attempt: job.attempt }, sleeping ? "step" : job.stepId);
  } catch (error) {
    result = { kind: "error", retriable: true, error: { message: (error as Error).message }, retryAfterMs: null };
  }
  return (await commitIfUnchanged(ctx, job, run, result, startedAt)) ?? (await commitLocked(ctx, job, run, result, startedAt));
}

async function currentRun(ctx: TExecutorContext, runId: string): Promise<TRunSnapshot | undefined> {
  const run = await readRun(ctx.db, runId);
  return run?.batchOpenUntil ? closedBatch(ctx, run) : run;
}

async function finishJob(ctx: TExecutorContext, job: TJob) {
  await ctx.db.update(wfJobs).set({ doneAt: ctx.clock.now() }).where(and(eq(wfJobs.id, job.id), eq(wfJobs.lockedBy, ctx.workerId)));
}

/** The run's next discovery call, leased to this worker so it can go on at once. */
export function ownCallJob(ctx: TExecutorContext, job: TJob, now: Date): TCallRecord["jobs"][number] {
  return { ...jobFields(job), kind: "call", stepId: "step", attempt: 0, runAt: now, lockedBy: ctx.workerId, lockedUntil: new Date(now.getTime() + ctx.leaseMs) };
}

export function jobFields(job: TJob) {
  return { fnId: job.fnId, kind: job.kind, stepId: job.stepId, concurrencyKey: job.concurrencyKey, concurrencyLimit: job.concurrencyLimit };
}
