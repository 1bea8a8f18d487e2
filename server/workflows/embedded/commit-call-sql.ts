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
 * A closed run's other pending jobs and open waits, closed with it. `closing` gives (id, job,
 * at) of each run closed. Each run's rows are found through its `run_id` index alone: the
 * lookup is a subquery the planner cannot merge (OFFSET 0) and the filters sit outside it,
 * so no plan can read the partial index of every open wait or pending job instead (with stale
 * statistics one did: a scan of 20,000 open waits to close one run).
 */
const closeOthers = (closing: string) => `closed_jobs as (
    update wf_jobs j set done_at = c.at from (
      select c.at, x.id from ${closing} c cross join lateral (select id, done_at from wf_jobs where run_id = c.id offset 0) x
      where x.done_at is null and x.id <> c.job
    ) c where j.id = c.id
  ), closed_waits as (
    update wf_waits w set resolved_at = c.at from (
      select c.at, x.id from ${closing} c cross join lateral (select id, resolved_at from wf_waits where run_id = c.id offset 0) x
      where x.resolved_at is null
    ) c where w.id = c.id
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
 * `status` closes its run, one without continues it on its job row. Each call's run, then its
 * job, is locked in run id order, as every batch locks them, so two batches cannot deadlock,
 * and one by one by primary key: a subquery with FOR UPDATE is never merged into a join, so
 * no plan can trade the lookups for a scan of every running run or pending job (one did,
 * with the stale statistics of tables that grew since their last ANALYZE: 8-12 ms a batch
 * at 20,000 running runs). The updates then find their rows by primary key (`= any(array(…))`:
 * a join on the key alone was planned as a scan of the whole table). Returns the runs written. $1 the calls (job, lease, run, depth, steps, stack, die, log, status, output, at), $2 worker.
 */
export const COMMIT_MANY = `
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
  ), ${closeOthers("(select id, job, at from updated where status is not null)")}, log as (
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
  ), ${closeOthers("(select id, $1::bigint as job, $3::timestamptz as at from updated)")}, ${logFrom("$10")}
  select (select count(*)::int from updated) as applied, null::bigint as next_id`;
