import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { retryVictims } from "@/db/transaction";
import type { TExecutorContext } from "./context";
import type { TJob } from "./process-job";
import { jobColumns, logColumns, type TCallRecord } from "./record-call";

/** How a call ends the run, when it does. */
export interface TRunClose {
  status: "completed";
  output: unknown;
}

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
  const output = close ? JSON.stringify(close.output ?? null) : null;
  const log = close ? [...record.log, { kind: `run.${close.status}`, data: close.output as object, startedAt: new Date(now), endedAt: new Date(now) }] : record.log;
  const [row] = rowsOf<{ applied: number; next_id: string | number | null }>(
    await retryVictims(() =>
      (ctx.db as Db).execute(sql`
        with run as (
          select id from wf_runs where id = ${record.runId}::uuid and status = 'running' and jsonb_array_length(stack) = ${depth}::int for update
        ), job as (
          update wf_jobs set done_at = ${now}::timestamptz
          where id = ${job.id} and locked_by = ${ctx.workerId} and done_at is null and exists (select 1 from run) returning id
        ), updated as (
          update wf_runs set steps = steps || ${JSON.stringify(Object.fromEntries(record.steps))}::jsonb,
            stack = stack || ${JSON.stringify(record.steps.map(([id]) => id))}::jsonb,
            disable_immediate_execution = disable_immediate_execution or ${record.disableImmediateExecution}::boolean,
            status = coalesce(${close?.status ?? null}::text, status), output = coalesce(${output}::jsonb, output),
            ended_at = case when ${close ? now : null}::timestamptz is null then ended_at else ${now}::timestamptz end
          where id = ${record.runId}::uuid and exists (select 1 from job) returning id
        ), closed_jobs as (
          update wf_jobs set done_at = ${now}::timestamptz
          where run_id = (select id from updated) and ${close !== undefined}::boolean and done_at is null and id <> ${job.id}
        ), closed_waits as (
          update wf_waits set resolved_at = ${now}::timestamptz
          where run_id = (select id from updated) and ${close !== undefined}::boolean and resolved_at is null
        ), log as (
          insert into wf_run_log (run_id, kind, step_id, name, attempt, data, started_at, ended_at)
          select u.id, x.kind, x.step_id, x.name, coalesce(x.attempt, 0), x.data, x.started_at, x.ended_at
          from updated u, jsonb_to_recordset(${JSON.stringify(log.map(logColumns))}::jsonb)
            as x(kind text, step_id text, name text, attempt int, data jsonb, started_at timestamptz, ended_at timestamptz)
        ), queued as (
          insert into wf_jobs (run_id, fn_id, kind, step_id, attempt, concurrency_key, concurrency_limit, run_at, locked_until, locked_by)
          select u.id, x.fn_id, x.kind, x.step_id, coalesce(x.attempt, 0), x.concurrency_key, x.concurrency_limit, x.run_at, x.locked_until, x.locked_by
          from updated u, jsonb_to_recordset(${JSON.stringify(record.jobs.map(jobColumns))}::jsonb)
            as x(fn_id text, kind text, step_id text, attempt int, concurrency_key text, concurrency_limit int, run_at timestamptz, locked_until timestamptz, locked_by text)
          on conflict do nothing
          returning id, locked_by, kind, step_id
        )
        select (select count(*)::int from updated) as applied,
          (select id from queued where locked_by = ${ctx.workerId} and kind = 'call' and step_id = 'step' limit 1) as next_id`),
    ),
  );
  if (!row || Number(row.applied) === 0) return null;
  return { nextId: row.next_id === null ? null : Number(row.next_id) };
}
