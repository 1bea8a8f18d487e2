import { retryVictims } from "@/db/transaction";
import { ADVANCE_RUN, CLOSE_RUN, CONTINUE_ON_JOB } from "./commit-call-sql";
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
 * Returns null when nothing was written (the run moved on, ended, or the lease is gone):
 * the caller then takes the transactional path, which sorts those cases out. Otherwise the
 * id of the job that carries the run's next call in this worker, if any: the same job when
 * that call was the only job queued (`reusesJob`).
 */
export async function commitCall(ctx: TExecutorContext, job: TJob, depth: number, record: TCallRecord, close?: TRunClose): Promise<{ nextId: number | null } | null> {
  const now = ctx.clock.now().toISOString();
  const head: unknown[] = [job.id, ctx.workerId, now, record.runId, depth, JSON.stringify(Object.fromEntries(record.steps)), JSON.stringify(record.steps.map(([id]) => id))];
  let text: string;
  if (close) {
    const closing = { kind: `run.${close.status}`, data: close.output as object, startedAt: new Date(now), endedAt: new Date(now) };
    text = CLOSE_RUN;
    head.push(close.status, JSON.stringify(close.output ?? null), JSON.stringify([...record.log, closing].map(logColumns)));
  } else if (reusesJob(ctx, job, record)) {
    text = CONTINUE_ON_JOB;
    head[2] = record.jobs[0]!.lockedUntil!.toISOString();
    head.push(record.disableImmediateExecution, JSON.stringify(record.log.map(logColumns)));
  } else {
    text = ADVANCE_RUN;
    head.push(record.disableImmediateExecution, JSON.stringify(record.log.map(logColumns)), JSON.stringify(record.jobs.map(jobColumns)));
  }
  const [row] = await retryVictims(() => rawStatement<{ applied: number; next_id: string | number | null }>(ctx.db, text, head));
  if (!row || Number(row.applied) === 0) return null;
  return { nextId: row.next_id === null ? null : Number(row.next_id) };
}

/**
 * The call's only job is the run's next discovery call, leased to this worker, and the job
 * that made the call is such a call too: that row can carry the next call as it is.
 */
export function reusesJob(ctx: TExecutorContext, job: TJob, record: TCallRecord): boolean {
  if (job.kind !== "call" || job.stepId !== "step" || record.jobs.length !== 1) return false;
  const next = record.jobs[0]!;
  return next.kind === "call" && next.stepId === "step" && next.lockedBy === ctx.workerId && !!next.lockedUntil && next.fnId === job.fnId && (next.concurrencyKey ?? null) === job.concurrencyKey && (next.concurrencyLimit ?? null) === job.concurrencyLimit;
}
