import { transaction } from "@/db/transaction";
import { applyOps } from "./apply-ops";
import type { TCallResult } from "./call-function";
import type { TExecutorContext } from "./context";
import { jobFields, ownCallJob, type THop, type TJob } from "./process-job";
import { advanced } from "./quick-commit";
import { recordCall, type TCallRecord } from "./record-call";
import { reportFailure } from "./run-failure";
import { closeRun } from "./run-state";
import { lockRunForJob, type TRunSnapshot } from "./run-snapshot";

/**
 * A call's outcome written in a transaction that locks the run and reads what it needs of
 * it: for errors, waits, unsupported ops, and whenever the run moved on while the call ran
 * (quick-commit.ts did not apply). A due sleep is memoized here too, with the answer of the
 * call it ends. Returns a follow-up job already leased to us.
 */
export async function commitLocked(ctx: TExecutorContext, job: TJob, run: TRunSnapshot, result: TCallResult, startedAt: Date): Promise<THop> {
  const sleeping = job.kind === "sleep";
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
