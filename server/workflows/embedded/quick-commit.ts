import { distinctOps, planOps } from "./apply-ops";
import type { TCallResult } from "./call-function";
import { commitCall } from "./commit-call";
import type { TExecutorContext } from "./context";
import { ownCallJob, type THop, type TJob } from "./process-job";
import type { TCallRecord } from "./record-call";
import type { TRunSnapshot } from "./run-snapshot";

/**
 * The common outcomes of a call (steps memoized or planned, sleeps queued, the run done),
 * written in one statement on the run as this worker knows it (commit-call.ts). Null when
 * that statement did not apply, or when the outcome needs the transactional path: an
 * error to retry or fail on, a wait to register, an op not supported.
 */
export async function commitIfUnchanged(ctx: TExecutorContext, job: TJob, run: TRunSnapshot, result: TCallResult, startedAt: Date): Promise<THop | null> {
  if (result.kind === "error") return null;
  const now = ctx.clock.now();
  const record: TCallRecord = { runId: run.id, steps: [], disableImmediateExecution: false, jobs: [], log: [] };
  if (job.kind === "sleep") {
    record.steps.push([job.stepId, { data: null }]);
    record.log.push({ kind: "sleep.done", stepId: job.stepId, startedAt: job.runAt, endedAt: now });
  }
  if (result.kind === "done") {
    const committed = await commitCall(ctx, job, run.stack.length, record, { status: "completed", output: result.output });
    return committed && { next: null };
  }
  const { ops, unsupported } = distinctOps(result.ops);
  if (unsupported) return null;
  const known = new Set(Object.keys(run.steps));
  if (job.kind === "sleep") known.add(job.stepId);
  const plan = planOps(ctx, run.id, known, job, ops, startedAt, now);
  if (plan.waits.length > 0) return null;
  record.steps.push(...plan.record.steps);
  record.jobs.push(...plan.record.jobs);
  record.log.push(...plan.record.log);
  record.disableImmediateExecution = plan.record.disableImmediateExecution;
  const own = plan.memoized ? ownCallJob(ctx, job, now) : null;
  if (own) record.jobs.push(own);
  const committed = await commitCall(ctx, job, run.stack.length, record);
  if (!committed) return null;
  // A reused job keeps its run_at (commit-call-sql.ts: CONTINUE_OR_CLOSE changes no indexed column of it).
  const runAt = committed.nextId === job.id ? job.runAt : own?.runAt;
  const next: TJob | null = own && runAt && committed.nextId !== null ? { ...own, runAt, id: committed.nextId, runId: run.id, attempt: 0, concurrencyKey: own.concurrencyKey ?? null, concurrencyLimit: own.concurrencyLimit ?? null, lockedUntil: own.lockedUntil ?? null, lockedBy: ctx.workerId, doneAt: null } : null;
  return { next, run: advanced(run, record) };
}

/** The run after a call's record, as the next call of the same worker sends it. */
export function advanced(run: TRunSnapshot, record: TCallRecord): TRunSnapshot {
  if (record.steps.length === 0 && !record.disableImmediateExecution) return run;
  return {
    ...run,
    steps: { ...run.steps, ...Object.fromEntries(record.steps) },
    stack: [...run.stack, ...record.steps.map(([id]) => id)],
    disableImmediateExecution: run.disableImmediateExecution || record.disableImmediateExecution,
  };
}
