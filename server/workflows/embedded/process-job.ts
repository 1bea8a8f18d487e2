import { and, eq } from "drizzle-orm";
import { wfJobs } from "@/db/schema";
import { closedBatch } from "./batch-events";
import { callFunction, type TCallResult } from "./call-function";
import type { TExecutorContext } from "./context";
import { applyOps } from "./apply-ops";
import { recordCall, type TCallRecord } from "./record-call";
import { closeRun } from "./run-state";
import { lockRunForJob, readRun, readRunProgress, type TRunSnapshot } from "./run-snapshot";
import { reportFailure } from "./run-failure";
import { transaction } from "@/db/transaction";
import { wakeOnWaitTimeout } from "./wait-timeout";

export type TJob = typeof wfJobs.$inferSelect;

// A run's next call is taken on by the worker that queued it, up to this many in a row,
// so a chain of steps does not go back through the claim queue between every step.
const MAX_HOPS = 50;

/** Runs one claimed job, then the run's next calls it queued for itself (not once the process is stopping). */
export async function processJob(ctx: TExecutorContext, job: TJob): Promise<void> {
  let next: TJob | null = job;
  // The run as this worker's last call left it: the next call needs no full read of it.
  let known: TRunSnapshot | undefined;
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

type THop = { next: TJob | null; run?: TRunSnapshot };

/**
 * Never holds a transaction while the function runs. A due sleep is memoized together with
 * the answer of the call it ends, in that call's transaction. Returns a follow-up job already leased to us.
 */
async function processOne(ctx: TExecutorContext, job: TJob, known: TRunSnapshot | undefined): Promise<THop> {
  if (job.kind === "wait-timeout") return { next: await wakeOnWaitTimeout(ctx, job) };
  const run = await currentRun(ctx, job.runId, known);
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
  let failed: unknown = null;
  let hop: THop = { next: null };
  await transaction(ctx.db, async (tx) => {
    failed = null; // a retried transaction starts over
    hop = { next: null };
    const opIds = result.kind === "ops" ? result.ops.map((op) => op.id) : [];
    const locked = await lockRunForJob(tx, ctx, job.id, run.id, sleeping ? [job.stepId, ...opIds] : opIds);
    if (!locked || locked.status !== "running") return;
    const now = ctx.clock.now();
    const record: TCallRecord = { runId: run.id, steps: [], disableImmediateExecution: false, jobs: [], log: [] };
    if (sleeping && !locked.known.has(job.stepId)) {
      record.steps.push([job.stepId, { data: null }]);
      record.log.push({ kind: "sleep.done", stepId: job.stepId, startedAt: job.runAt, endedAt: now });
      locked.known.add(job.stepId);
    }
    if (result.kind === "done") {
      if (record.steps.length) await recordCall(tx, record);
      await closeRun(tx, run.id, "completed", now, { output: result.output });
      return;
    }
    if (result.kind === "error") {
      if (!result.retriable || job.attempt + 1 >= run.maxAttempts) {
        await closeRun(tx, run.id, "failed", now, { error: result.error });
        failed = result.error;
        return;
      }
      const retryAt = new Date(now.getTime() + (result.retryAfterMs ?? ctx.backoff(job.attempt)));
      record.jobs.push({ ...jobFields(job), kind: "call", stepId: sleeping ? "step" : job.stepId, attempt: job.attempt + 1, runAt: retryAt });
      record.log.push({ kind: "function.error", stepId: job.stepId, attempt: job.attempt, data: result.error as object, startedAt, endedAt: now });
      await recordCall(tx, record);
      return;
    }
    const outcome = await applyOps(tx, ctx, run, locked, job, result.ops, startedAt, now);
    if (outcome.failure) {
      failed = outcome.failure;
      return;
    }
    const { steps, disableImmediateExecution, jobs, log } = outcome.record!;
    record.steps.push(...steps);
    record.jobs.push(...jobs);
    record.log.push(...log);
    record.disableImmediateExecution = disableImmediateExecution;
    // Steps that finished while this call ran were not seen by it; without another
    // discovery call the run would wait forever for a wake-up that already happened.
    const moved = locked.depth > run.stack.length;
    if (outcome.memoized || moved) record.jobs.push(ownCallJob(ctx, job, now));
    const queued = await recordCall(tx, record);
    const next = queued.find((j) => j.kind === "call" && j.stepId === "step" && j.lockedBy === ctx.workerId) ?? null;
    hop = { next, run: moved ? undefined : advanced(run, record) };
  });
  if (failed) await reportFailure(ctx, run, failed);
  return hop;
}

/** The run before a call: read in full, or only checked (status, progress) when this worker's last call left it. */
async function currentRun(ctx: TExecutorContext, runId: string, known: TRunSnapshot | undefined): Promise<TRunSnapshot | undefined> {
  if (known?.id === runId) {
    const progress = await readRunProgress(ctx.db, runId);
    if (progress?.status !== "running") return progress ? { ...known, status: progress.status } : undefined;
    if (progress.depth === known.stack.length) return known;
  }
  const run = await readRun(ctx.db, runId);
  return run?.batchOpenUntil ? closedBatch(ctx, run) : run;
}

function advanced(run: TRunSnapshot, record: TCallRecord): TRunSnapshot {
  return {
    ...run,
    steps: { ...run.steps, ...Object.fromEntries(record.steps) },
    stack: [...run.stack, ...record.steps.map(([id]) => id)],
    disableImmediateExecution: run.disableImmediateExecution || record.disableImmediateExecution,
  };
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
