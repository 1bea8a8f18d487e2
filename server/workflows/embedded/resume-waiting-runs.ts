import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { TStoredEvent } from "./context";

type TResolvedWait = { runId: string; stepId: string; createdAt: Date; event: TStoredEvent };

/**
 * In one statement, for waits just resolved: memoize each event as its wait's step result
 * (a step memoized already keeps its result), close the waits' timeout jobs, queue each
 * run's next call and log the resolutions, for the runs still running. Whether any run goes on.
 */
export async function resumeWaitingRuns(tx: Tx, waits: TResolvedWait[], now: Date): Promise<boolean> {
  if (waits.length === 0) return false;
  const perRun = new Map<string, { run_id: string; steps: Record<string, unknown>; stack: string[] }>();
  for (const wait of waits) {
    const run = perRun.get(wait.runId) ?? { run_id: wait.runId, steps: {}, stack: [] };
    run.steps[wait.stepId] = { data: wait.event };
    run.stack.push(wait.stepId);
    perRun.set(wait.runId, run);
  }
  const at = now.toISOString();
  const log = waits.map((w) => ({ run_id: w.runId, step_id: w.stepId, name: w.event.name, event_id: w.event.id, started_at: w.createdAt.toISOString() }));
  const [result] = rowsOf<{ resumed: number }>(
    await tx.execute(sql`
      with x as (select * from jsonb_to_recordset(${JSON.stringify([...perRun.values()])}::jsonb) as x(run_id uuid, steps jsonb, stack jsonb)),
      resumed as (
        update wf_runs r set steps = x.steps || r.steps,
          stack = r.stack || coalesce((select jsonb_agg(s) from jsonb_array_elements_text(x.stack) s where not (r.steps ? s)), '[]'::jsonb)
        from x where r.id = x.run_id and r.status = 'running'
        returning r.id, r.fn_id, r.concurrency_key
      ),
      w as (select * from jsonb_to_recordset(${JSON.stringify(log)}::jsonb) as w(run_id uuid, step_id text, name text, event_id text, started_at timestamptz)),
      timeouts as (
        update wf_jobs j set done_at = ${at}::timestamptz from w
        where j.run_id = w.run_id and j.kind = 'wait-timeout' and j.step_id = w.step_id and j.done_at is null and j.run_id in (select id from resumed)
      ),
      calls as (
        insert into wf_jobs (run_id, fn_id, kind, step_id, run_at, concurrency_key, concurrency_limit)
        select r.id, r.fn_id, 'call', 'step', ${at}::timestamptz, r.concurrency_key, (select j.concurrency_limit from wf_jobs j where j.run_id = r.id limit 1)
        from resumed r
        on conflict do nothing
      ),
      logged as (
        insert into wf_run_log (run_id, kind, step_id, name, data, started_at, ended_at)
        select w.run_id, 'wait.resolved', w.step_id, w.name, jsonb_build_object('eventId', w.event_id), w.started_at, ${at}::timestamptz
        from w where w.run_id in (select id from resumed)
      )
      select count(*)::int as resumed from resumed`),
  );
  return Number(result?.resumed ?? 0) > 0;
}
