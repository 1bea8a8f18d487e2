import { retryVictims } from "@/db/transaction";
import { ADVANCE_RUN } from "./commit-call-sql";
import type { TExecutorContext } from "./context";
import type { TJob } from "./process-job";
import { rawStatement } from "./raw-statement";
import { jobColumns, logColumns, type TCallRecord } from "./record-call";

/** How a call ends the run, when it does. */
export interface TRunClose {
  status: "completed";
  output: unknown;
}

/**
 * A call's outcome in one autocommit statement (commit-call-sql.ts), applied only if the run
 * is still as the call saw it (running, `depth` steps memoized) and this worker still holds
 * the job's lease: appends the memos and log rows, and queues the run's jobs or closes it.
 * A call that closes its run, or continues it on its own job row (`reusesJob`), is written
 * with the others that finish meanwhile (commit-together.ts).
 * Returns null when nothing was written (the run moved on, ended, or the lease is gone):
 * the caller then takes the transactional path, which sorts those cases out. Otherwise the
 * id of the job that carries the run's next call in this worker, if any.
 */
export async function commitCall(ctx: TExecutorContext, job: TJob, depth: number, record: TCallRecord, close?: TRunClose): Promise<{ nextId: number | null } | null> {
  const at = ctx.clock.now().toISOString();
  const steps = Object.fromEntries(record.steps);
  const stack = record.steps.map(([id]) => id);
  if (close || reusesJob(ctx, job, record)) {
    const closing = close ? [{ kind: `run.${close.status}`, data: close.output as object, startedAt: new Date(at), endedAt: new Date(at) }] : [];
    const log = [...record.log, ...closing].map(logColumns);
    const lease = close ? null : record.jobs[0]!.lockedUntil!.toISOString();
    const item = { job: job.id, run: record.runId, depth, steps, stack, die: record.disableImmediateExecution, log, at, lease, status: close?.status ?? null, output: close?.output ?? null };
    if (!(await ctx.commits(item))) return null;
    return { nextId: close ? null : job.id };
  }
  const params = [job.id, ctx.workerId, at, record.runId, depth, JSON.stringify(steps), JSON.stringify(stack), record.disableImmediateExecution, JSON.stringify(record.log.map(logColumns)), JSON.stringify(record.jobs.map(jobColumns))];
  const [row] = await retryVictims(() => rawStatement<{ applied: number; next_id: string | number | null }>(ctx.db, ADVANCE_RUN, params));
  if (!row || Number(row.applied) === 0) return null;
  return { nextId: row.next_id === null ? null : Number(row.next_id) };
}

/**
 * The call's only job is the run's next discovery call, leased to this worker, and the job
 * that made the call is such a call too: that row can carry the next call as it is.
 */
export function reusesJob(ctx: TExecutorContext, job: TJob, record: TCallRecord): boolean {
  if (job.kind !== "call" || job.stepId !== "step" || record.jobs.length !== 1) return false;
  // Its function and concurrency key are the job's own (ownCallJob copies them).
  const next = record.jobs[0]!;
  return next.kind === "call" && next.stepId === "step" && next.lockedBy === ctx.workerId && !!next.lockedUntil;
}
