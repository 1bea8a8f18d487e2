import type { TBenchDatabase } from "./bench-database";
import { runsEnded } from "./bench-app";
import { measureCpu, percentile, round } from "./cpu-meter";
import { extraWorkers } from "./extra-workers";
import { sleeperApp } from "./sleeper-app";

/**
 * Runs that sleep until a given instant, then end at once: how late each one woke (its
 * output: the executor's lateness when its sleep was memoized and it was called again),
 * and how long after the first due instant the last one ended.
 */
export async function sleepers(database: TBenchDatabase, options: { runs: number; spreadMs: number; parallelism: number; label: string; timeoutMs: number; processes?: number }) {
  const { app, event, fnId } = sleeperApp(options.label);
  const executor = app.executor(database.db, { parallelism: options.parallelism });
  // Every run is started and asleep before the first is due.
  const ingestStart = performance.now();
  const firstDue = Date.now() + 3_600_000;
  for (let i = 0; i < options.runs; i += 1000) {
    const n = Math.min(1000, options.runs - i);
    await executor.send(Array.from({ length: n }, (_, k) => ({ name: event, data: { at: firstDue + Math.floor(((i + k) * options.spreadMs) / options.runs) } })));
  }
  const ingestS = (performance.now() - ingestStart) / 1000;
  const asleepStart = performance.now();
  executor.start();
  const asleep = await sleepingRuns(database, fnId, options.runs, options.timeoutMs);
  await executor.stop();
  const asleepS = (performance.now() - asleepStart) / 1000;
  if (!asleep) throw new Error(`sleepers (${options.label}): not all runs asleep after ${options.timeoutMs} ms`);

  const workers = await extraWorkers((options.processes ?? 1) - 1, { url: database.url, label: options.label, parallelism: options.parallelism });
  // Real time is what the executor reads: move every sleep so the first is due in 2 s.
  const shift = firstDue - (Date.now() + 2_000);
  const { sql } = await import("drizzle-orm");
  await database.db.execute(sql`update wf_jobs set run_at = run_at - ${shift} * interval '1 millisecond' where fn_id = ${fnId} and done_at is null`);
  await database.db.execute(sql`update wf_runs set event = jsonb_set(event, '{data,at}', to_jsonb((event->'data'->>'at')::bigint - ${shift})) where fn_id = ${fnId}`);
  const dueAt = firstDue - shift;
  let ended = false;
  let workersCpuS = 0;
  const cpu = await measureCpu(database, async () => {
    workers.start();
    executor.start();
    ended = await runsEnded(database.db, fnId, options.runs, dueAt - Date.now() + options.spreadMs + options.timeoutMs, 1000);
    await executor.stop();
    workersCpuS = await workers.stop();
  });
  // From the runs' own end times: the poll above is slow on purpose (its count scans the runs, on the PostgreSQL CPU measured).
  const [last] = (await database.db.execute(sql`select (extract(epoch from max(ended_at)) * 1000)::bigint as at from wf_runs where fn_id = ${fnId}`)) as unknown as { at: string }[];
  const endedAfterMs = Number(last?.at) - dueAt;
  const rows = (await database.db.execute(sql`select (output)::text::int as late from wf_runs where fn_id = ${fnId} and status = 'completed'`)) as unknown as { late: number }[];
  const lateness = rows.map((r) => r.late);
  return {
    runs: options.runs,
    spread_ms: options.spreadMs,
    start_events_per_s: Math.round(options.runs / ingestS),
    put_to_sleep_runs_per_s: Math.round(options.runs / asleepS),
    completed: lateness.length,
    all_ended: ended,
    last_ended_after_first_due_ms: endedAfterMs,
    lateness_p50_ms: percentile(lateness, 50),
    lateness_p99_ms: percentile(lateness, 99),
    lateness_max_ms: percentile(lateness, 100),
    processes: options.processes ?? 1,
    wake_phase: { ...cpu, other_processes_node_cpu_s: round(workersCpuS, 3) },
    node_cpu_ms_per_wake_up: round(((cpu.node_cpu_s + workersCpuS) * 1000) / options.runs, 3),
    pg_cpu_ms_per_wake_up: round((cpu.pg_cpu_s * 1000) / options.runs, 3),
  };
}

async function sleepingRuns(database: TBenchDatabase, fnId: string, n: number, timeoutMs: number) {
  const { sql } = await import("drizzle-orm");
  const t0 = Date.now();
  for (;;) {
    const [row] = (await database.db.execute(sql`select count(*)::int as n from wf_jobs where fn_id = ${fnId} and kind = 'sleep' and done_at is null`)) as unknown as { n: number }[];
    if ((row?.n ?? 0) >= n) return true;
    if (Date.now() - t0 > timeoutMs) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
}
