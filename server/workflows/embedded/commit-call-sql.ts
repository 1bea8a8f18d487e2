// The statements of commit-call.ts. Each locks the run only if it is still as the call saw it
// (running, `depth` steps memoized), then writes the job only while this worker holds its
// lease: run before job, like every other writer of both. Continuing and closing calls are
// one statement and advancing calls another, without the parts they do not need: PostgreSQL
// sets up every part of a plan on every run, used or not (opening each table and its indexes
// was a tenth of a call's cost).

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
 * Calls that continue their runs on their own job rows or close them, one or several at once
 * (commit-together.ts). A call without `status` continues: the job row that made it becomes
 * the run's next discovery call (attempt 0, a new lease). Only unindexed columns change, so
 * that is a HOT update: no job marked done and none inserted, with their index entries. A
 * call with `status` closes its run, with the run's other pending jobs and open waits.
 * Each call's run, then its job, is locked in run id order, so two batches cannot deadlock,
 * and one by one by primary key: a subquery with FOR UPDATE is never merged into a join, so
 * no plan can trade the lookups for a scan of every running run or pending job (one did,
 * with the stale statistics of tables that grew since their last ANALYZE: 8-12 ms a batch
 * at 20,000 running runs). The updates find their rows by key (`= any(array(…))`: a join on
 * the key alone was planned as a scan of the whole table), and a closed run's jobs and waits
 * through `run_id` alone: a subquery the planner cannot merge (OFFSET 0), the filters outside
 * it, so no plan reads the partial index of every open wait instead (one did: 20,000 entries
 * to close one run). Returns the runs written.
 * $1 the calls (job, lease, run, depth, steps, stack, die, log, status, output, at), $2 worker.
 */
export const CONTINUE_OR_CLOSE = `
  with input as (
    select * from jsonb_to_recordset($1::jsonb) as x(job bigint, lease timestamptz, run uuid, depth int,
      steps jsonb, stack jsonb, die boolean, log jsonb, status text, output jsonb, at timestamptz)
  ), fenced as (
    select i.* from (select * from input order by run) i
    cross join lateral (select 1 from wf_runs where id = i.run and status = 'running' and jsonb_array_length(stack) = i.depth for update) r
    cross join lateral (select 1 from wf_jobs where id = i.job and locked_by = $2::text and done_at is null for update) j
  ), job as (
    update wf_jobs j set attempt = case when i.status is null then 0 else j.attempt end,
      locked_until = coalesce(i.lease, j.locked_until), done_at = case when i.status is null then null else i.at end
    from fenced i where j.id = any(array(select job from fenced)) and j.id = i.job returning j.run_id
  ), updated as (
    update wf_runs r set steps = r.steps || i.steps, stack = r.stack || i.stack,
      disable_immediate_execution = r.disable_immediate_execution or i.die, status = coalesce(i.status, r.status),
      output = case when i.status is null then r.output else i.output end,
      ended_at = case when i.status is null then r.ended_at else i.at end
    from fenced i where r.id = any(array(select run from fenced)) and r.id = i.run returning r.id, i.job, i.at, i.status
  ), closed_jobs as (
    update wf_jobs j set done_at = c.at from (
      select c.at, x.id from updated c cross join lateral (select id, done_at from wf_jobs where run_id = c.id offset 0) x
      where c.status is not null and x.done_at is null and x.id <> c.job
    ) c where j.id = c.id
  ), closed_waits as (
    update wf_waits w set resolved_at = c.at from (
      select c.at, x.id from updated c cross join lateral (select id, resolved_at from wf_waits where run_id = c.id offset 0) x
      where c.status is not null and x.resolved_at is null
    ) c where w.id = c.id
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
