import { retryVictims } from "@/db/transaction";
import type { TExecutorContext } from "./context";
import type { TJob } from "./process-job";
import { rawStatement } from "./raw-statement";
import { jobColumns, logColumns, type TCallRecord } from "./record-call";

/** How a call ends the run, when it does. */
export interface TRunClose {
  status: "completed";
  output: unknown;
}

// $1 job, $2 worker, $3 now, $4 run, $5 depth, $6 steps, $7 stack, $8 die, $9 closing status, $10 output, $11 log, $12 jobs.
const COMMIT_CALL = `
  with run as (
    select id from wf_runs where id = $4::uuid and status = 'running' and jsonb_array_length(stack) = $5::int for update
  ), job as (
    update wf_jobs set done_at = $3::timestamptz
    where id = $1::bigint and locked_by = $2::text and done_at is null and exists (select 1 from run) returning id
  ), updated as (
    update wf_runs set steps = steps || $6::jsonb, stack = stack || $7::jsonb,
      disable_immediate_execution = disable_immediate_execution or $8::boolean,
      status = coalesce($9::text, status), output = coalesce($10::jsonb, output),
      ended_at = case when $9::text is null then ended_at else $3::timestamptz end
    where id = $4::uuid and exists (select 1 from job) returning id
  ), closed_jobs as (
    update wf_jobs set done_at = $3::timestamptz
    where run_id = (select id from updated) and $9::text is not null and done_at is null and id <> $1::bigint
  ), closed_waits as (
    update wf_waits set resolved_at = $3::timestamptz
    where run_id = (select id from updated) and $9::text is not null and resolved_at is null
  ), log as (
    insert into wf_run_log (run_id, kind, step_id, name, attempt, data, started_at, ended_at)
    select u.id, x.kind, x.step_id, x.name, coalesce(x.attempt, 0), x.data, x.started_at, x.ended_at
    from updated u, jsonb_to_recordset($11::jsonb)
      as x(kind text, step_id text, name text, attempt int, data jsonb, started_at timestamptz, ended_at timestamptz)
  ), queued as (
    insert into wf_jobs (run_id, fn_id, kind, step_id, attempt, concurrency_key, concurrency_limit, run_at, locked_until, locked_by)
    select u.id, x.fn_id, x.kind, x.step_id, coalesce(x.attempt, 0), x.concurrency_key, x.concurrency_limit, x.run_at, x.locked_until, x.locked_by
    from updated u, jsonb_to_recordset($12::jsonb)
      as x(fn_id text, kind text, step_id text, attempt int, concurrency_key text, concurrency_limit int, run_at timestamptz, locked_until timestamptz, locked_by text)
    on conflict do nothing
    returning id, locked_by, kind, step_id
  )
  select (select count(*)::int from updated) as applied,
    (select id from queued where locked_by = $2::text and kind = 'call' and step_id = 'step' limit 1) as next_id`;

/**
 * A call's outcome in one autocommit statement, applied only if the run is still as the call
 * saw it (running, `depth` steps memoized): locks the run, fences on the lease (the job is
 * marked done only while this worker holds it), appends the memos, log rows and jobs, and
 * closes the run if `close` says so. Locks run before job, like every other writer of both.
 * Returns null when nothing was written (the run moved on, ended, or the lease is gone):
 * the caller then takes the transactional path, which sorts those cases out. Otherwise
 * the id of the job queued for this worker, if any.
 */
export async function commitCall(ctx: TExecutorContext, job: TJob, depth: number, record: TCallRecord, close?: TRunClose): Promise<{ nextId: number | null } | null> {
  const now = ctx.clock.now().toISOString();
  const log = close ? [...record.log, { kind: `run.${close.status}`, data: close.output as object, startedAt: new Date(now), endedAt: new Date(now) }] : record.log;
  const params = [
    job.id,
    ctx.workerId,
    now,
    record.runId,
    depth,
    JSON.stringify(Object.fromEntries(record.steps)),
    JSON.stringify(record.steps.map(([id]) => id)),
    record.disableImmediateExecution,
    close?.status ?? null,
    close ? JSON.stringify(close.output ?? null) : null,
    JSON.stringify(log.map(logColumns)),
    JSON.stringify(record.jobs.map(jobColumns)),
  ];
  const [row] = await retryVictims(() => rawStatement<{ applied: number; next_id: string | number | null }>(ctx.db, COMMIT_CALL, params));
  if (!row || Number(row.applied) === 0) return null;
  return { nextId: row.next_id === null ? null : Number(row.next_id) };
}
