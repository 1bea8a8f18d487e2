// The statements of commit-call.ts. Each starts the same way: the run is locked only if it is
// still as the call saw it (running, `depth` steps memoized), then the job is written only
// while this worker holds its lease. Run before job, like every other writer of both.
// Each has only the parts its case needs: PostgreSQL sets up every part of a plan on every
// run, used or not (opening each table and its indexes was a tenth of a call's cost).

const LOCK_RUN = `run as (
    select id from wf_runs where id = $4::uuid and status = 'running' and jsonb_array_length(stack) = $5::int for update
  )`;

const FENCE = `id = $1::bigint and locked_by = $2::text and done_at is null and exists (select 1 from run)`;

const APPEND_MEMOS = `steps = steps || $6::jsonb, stack = stack || $7::jsonb`;

const INSERT_LOG = `insert into wf_run_log (run_id, kind, step_id, name, attempt, data, started_at, ended_at)
    select u.id, x.kind, x.step_id, x.name, coalesce(x.attempt, 0), x.data, x.started_at, x.ended_at`;
const LOG_RECORD = `x(kind text, step_id text, name text, attempt int, data jsonb, started_at timestamptz, ended_at timestamptz)`;

const logFrom = (param: string) => `log as (
    ${INSERT_LOG}
    from updated u, jsonb_to_recordset(${param}::jsonb) as ${LOG_RECORD}
  )`;

/**
 * The run goes on with its next discovery call in this worker: the job row that made this
 * call becomes that call (attempt 0, a new lease). Only unindexed columns change, so the
 * update is a HOT one: no job marked done and no job inserted, with their index entries.
 * $1 job, $2 worker, $3 lease until, $4 run, $5 depth, $6 steps, $7 stack, $8 die, $9 log.
 */
export const CONTINUE_ON_JOB = `
  with ${LOCK_RUN}, job as (
    update wf_jobs set attempt = 0, locked_until = $3::timestamptz where ${FENCE} returning id
  ), updated as (
    update wf_runs set ${APPEND_MEMOS}, disable_immediate_execution = disable_immediate_execution or $8::boolean
    where id = $4::uuid and exists (select 1 from job) returning id
  ), ${logFrom("$9")}
  select (select count(*)::int from updated) as applied, $1::bigint as next_id`;

/**
 * CONTINUE_ON_JOB and CLOSE_RUN for several runs at once (commit-together.ts): a call with a
 * `status` closes its run, one without continues it on its job row. The runs are locked in
 * id order, as every batch locks them, so two batches cannot deadlock. Returns the runs
 * written. $1 the calls (job, lease, run, depth, steps, stack, die, log, status, output, at), $2 worker.
 */
export const COMMIT_MANY = `
  with input as (
    select * from jsonb_to_recordset($1::jsonb) as x(job bigint, lease timestamptz, run uuid, depth int,
      steps jsonb, stack jsonb, die boolean, log jsonb, status text, output jsonb, at timestamptz)
  ), run as (
    select r.id from wf_runs r join input i on r.id = i.run
    where r.status = 'running' and jsonb_array_length(r.stack) = i.depth
    order by r.id for update of r
  ), job as (
    update wf_jobs j set attempt = case when i.status is null then 0 else j.attempt end,
      locked_until = coalesce(i.lease, j.locked_until), done_at = case when i.status is null then null else i.at end
    from input i
    where j.id = i.job and j.locked_by = $2::text and j.done_at is null and i.run in (select id from run) returning j.run_id
  ), updated as (
    update wf_runs r set steps = r.steps || i.steps, stack = r.stack || i.stack,
      disable_immediate_execution = r.disable_immediate_execution or i.die, status = coalesce(i.status, r.status),
      output = case when i.status is null then r.output else i.output end,
      ended_at = case when i.status is null then r.ended_at else i.at end
    from input i where r.id = i.run and r.id in (select run_id from job) returning r.id, i.job, i.at, i.status
  ), closed_jobs as (
    update wf_jobs j set done_at = u.at from updated u
    where u.status is not null and j.run_id = u.id and j.done_at is null and j.id <> u.job
  ), closed_waits as (
    update wf_waits w set resolved_at = u.at from updated u
    where u.status is not null and w.run_id = u.id and w.resolved_at is null
  ), log as (
    ${INSERT_LOG}
    from updated u join input i on i.run = u.id, jsonb_to_recordset(i.log) as ${LOG_RECORD}
  )
  select id from updated`;

/**
 * The job is done and the run goes on through the jobs the call queued (sleeps, planned
 * steps, its next call); one of the same kind and step already pending is kept.
 * $1 job, $2 worker, $3 now, $4 run, $5 depth, $6 steps, $7 stack, $8 die, $9 log, $10 jobs.
 */
export const ADVANCE_RUN = `
  with ${LOCK_RUN}, job as (
    update wf_jobs set done_at = $3::timestamptz where ${FENCE} returning id
  ), updated as (
    update wf_runs set ${APPEND_MEMOS}, disable_immediate_execution = disable_immediate_execution or $8::boolean
    where id = $4::uuid and exists (select 1 from job) returning id
  ), ${logFrom("$9")}, queued as (
    insert into wf_jobs (run_id, fn_id, kind, step_id, attempt, concurrency_key, concurrency_limit, run_at, locked_until, locked_by)
    select u.id, x.fn_id, x.kind, x.step_id, coalesce(x.attempt, 0), x.concurrency_key, x.concurrency_limit, x.run_at, x.locked_until, x.locked_by
    from updated u, jsonb_to_recordset($10::jsonb)
      as x(fn_id text, kind text, step_id text, attempt int, concurrency_key text, concurrency_limit int, run_at timestamptz, locked_until timestamptz, locked_by text)
    on conflict do nothing
    returning id, locked_by, kind, step_id
  )
  select (select count(*)::int from updated) as applied,
    (select id from queued where locked_by = $2::text and kind = 'call' and step_id = 'step' limit 1) as next_id`;

/**
 * The run ends with the call: its status and output set, its other jobs and open waits closed.
 * $1 job, $2 worker, $3 now, $4 run, $5 depth, $6 steps, $7 stack, $8 status, $9 output, $10 log.
 */
export const CLOSE_RUN = `
  with ${LOCK_RUN}, job as (
    update wf_jobs set done_at = $3::timestamptz where ${FENCE} returning id
  ), updated as (
    update wf_runs set ${APPEND_MEMOS}, status = $8::text, output = $9::jsonb, ended_at = $3::timestamptz
    where id = $4::uuid and exists (select 1 from job) returning id
  ), closed_jobs as (
    update wf_jobs set done_at = $3::timestamptz
    where run_id = (select id from updated) and done_at is null and id <> $1::bigint
  ), closed_waits as (
    update wf_waits set resolved_at = $3::timestamptz where run_id = (select id from updated) and resolved_at is null
  ), ${logFrom("$10")}
  select (select count(*)::int from updated) as applied, null::bigint as next_id`;
