import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { wfJobs, type wfRunLog } from "@/db/schema";
import type { TMemo } from "@/db/schema/workflows";
import { tableRowsOf } from "@/db/table-rows";
import type { TJob } from "./process-job";

type TNewJob = Omit<typeof wfJobs.$inferInsert, "runId">;
type TLogRow = Omit<typeof wfRunLog.$inferInsert, "runId">;

/** What one call changed: steps memoized (new ones only, in completion order), jobs to queue, timeline rows. */
export interface TCallRecord {
  runId: string;
  steps: [string, TMemo][];
  disableImmediateExecution: boolean;
  jobs: TNewJob[];
  log: TLogRow[];
}

/**
 * Writes a call's outcome in one statement: the memos appended to the run (merged in SQL, so
 * the caller never reads the run's steps back), its log rows, and its jobs, a pending one of
 * the same kind and step skipped. Returns the jobs queued.
 */
export async function recordCall(tx: Tx, record: TCallRecord): Promise<TJob[]> {
  const steps = JSON.stringify(Object.fromEntries(record.steps));
  const stack = JSON.stringify(record.steps.map(([id]) => id));
  const changed = record.steps.length > 0 || record.disableImmediateExecution;
  const result = await tx.execute(sql`
    with run as (
      update wf_runs set steps = steps || ${steps}::jsonb, stack = stack || ${stack}::jsonb,
        disable_immediate_execution = disable_immediate_execution or ${record.disableImmediateExecution}
      where id = ${record.runId}::uuid and ${changed}
    ), log as (
      insert into wf_run_log (run_id, kind, step_id, name, attempt, data, started_at, ended_at)
      select ${record.runId}::uuid, x.kind, x.step_id, x.name, coalesce(x.attempt, 0), x.data, x.started_at, x.ended_at
      from jsonb_to_recordset(${JSON.stringify(record.log.map(logColumns))}::jsonb)
        as x(kind text, step_id text, name text, attempt int, data jsonb, started_at timestamptz, ended_at timestamptz)
    )
    insert into wf_jobs (run_id, fn_id, kind, step_id, attempt, concurrency_key, concurrency_limit, run_at, locked_until, locked_by)
    select ${record.runId}::uuid, x.fn_id, x.kind, x.step_id, coalesce(x.attempt, 0), x.concurrency_key, x.concurrency_limit, x.run_at, x.locked_until, x.locked_by
    from jsonb_to_recordset(${JSON.stringify(record.jobs.map(jobColumns))}::jsonb)
      as x(fn_id text, kind text, step_id text, attempt int, concurrency_key text, concurrency_limit int, run_at timestamptz, locked_until timestamptz, locked_by text)
    on conflict do nothing
    returning *`);
  return tableRowsOf(wfJobs, result);
}

export function logColumns(row: TLogRow) {
  return { kind: row.kind, step_id: row.stepId ?? null, name: row.name ?? null, attempt: row.attempt ?? 0, data: row.data ?? null, started_at: row.startedAt, ended_at: row.endedAt };
}

export function jobColumns(job: TNewJob) {
  return {
    fn_id: job.fnId,
    kind: job.kind,
    step_id: job.stepId,
    attempt: job.attempt ?? 0,
    concurrency_key: job.concurrencyKey ?? null,
    concurrency_limit: job.concurrencyLimit ?? null,
    run_at: job.runAt,
    locked_until: job.lockedUntil ?? null,
    locked_by: job.lockedBy ?? null,
  };
}
