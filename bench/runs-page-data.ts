import type { Sql } from "postgres";

// Function ids of the synthetic runs with their share in percent (journeys dominate, as on a busy instance).
export const FUNCTIONS: [string, number][] = [
  ["parcours-journey.run", 50],
  ["parcours-journey.business-event", 15],
  ["parcours-message.retry", 15],
  ["parcours-messages.deferred", 10],
  ["parcours-journey.audience-entry", 4],
  ["parcours-campaign.execution", 5],
  ["parcours-csv-import.run", 1],
];

/** The function of run i: a CASE over i % 100 following FUNCTIONS' shares. */
function functionCase(): string {
  let upTo = 0;
  const arms = FUNCTIONS.map(([id, share]) => `when i % 100 < ${(upTo += share)} then '${id}'`);
  return `case ${arms.join(" ")} end`;
}

/**
 * Loads `runs` workflow runs over the last 30 days, newest i = 1: 90% of workspace `main`'s,
 * 8% of `other`'s, 2% the instance's; 93% completed, 3% failed, 2% cancelled, 2% running
 * (drawn apart from the function); each with one done job and two log rows. In SQL with
 * generate_series, then VACUUM ANALYZE (autovacuum's work on a live table).
 */
export async function loadRuns(client: Sql, runs: number, main: string, other: string) {
  const conn = await client.reserve();
  const t0 = performance.now();
  await conn.unsafe("set maintenance_work_mem = '512MB'");
  await conn.unsafe("set synchronous_commit = off");
  const h = "((i * 7919) % 1000)";
  const status = `case when ${h} < 930 then 'completed' when ${h} < 960 then 'failed' when ${h} < 980 then 'cancelled' else 'running' end`;
  const step = (30 * 86_400_000) / runs;
  await conn.unsafe(`
    insert into wf_runs (fn_id, status, event, workspace_id, steps, stack, max_attempts, started_at, ended_at)
    select fn, st, jsonb_build_object('name', 'parcours/event.received', 'data', jsonb_build_object('workspaceId', ws, 'i', i)), ws::uuid,
           '{}'::jsonb, '["s1","s2","s3"]'::jsonb, 4, at, case when st = 'running' then null else at + interval '2 seconds' end
    from (
      select i, ${functionCase()} as fn, ${status} as st,
             case when i % 50 = 0 then null when i % 50 < 5 then '${other}' else '${main}' end as ws,
             now() - (i * ${step}) * interval '1 millisecond' as at
      from generate_series(1::bigint, ${runs}) i
    ) g`);
  const runsSeconds = (performance.now() - t0) / 1000;
  await conn.unsafe(`insert into wf_jobs (run_id, fn_id, kind, step_id, run_at, done_at) select id, fn_id, 'call', 'step', started_at, started_at from wf_runs`);
  await conn.unsafe(`insert into wf_run_log (run_id, kind, step_id, started_at, ended_at) select id, k, 's1', started_at, started_at from wf_runs, (values ('step'), ('run.completed')) v(k)`);
  await conn.unsafe("vacuum analyze wf_runs");
  await conn.unsafe("vacuum analyze wf_jobs");
  await conn.unsafe("vacuum analyze wf_run_log");
  conn.release();
  return { runs_s: Number(runsSeconds.toFixed(1)), total_s: Number(((performance.now() - t0) / 1000).toFixed(1)) };
}
