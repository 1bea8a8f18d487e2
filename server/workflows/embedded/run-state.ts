import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { rowsOf } from "@/db/rows";

/**
 * Ends a run: its status and result, its pending jobs and open waits closed, a timeline row.
 * One statement: it runs at the end of every run, inside the transaction of its last call.
 */
export async function closeRun(
  tx: Tx,
  runId: string,
  status: "completed" | "failed" | "cancelled",
  now: Date,
  result: { output?: unknown; error?: unknown },
): Promise<boolean> {
  const at = now.toISOString();
  const output = result.output == null ? null : JSON.stringify(result.output);
  const error = result.error == null ? null : JSON.stringify(result.error);
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`
      with closed as (
        update wf_runs set status = ${status}, output = ${output}::jsonb, error = ${error}::jsonb, ended_at = ${at}::timestamptz
        where id = ${runId}::uuid and status = 'running' returning id
      ), jobs as (
        update wf_jobs set done_at = ${at}::timestamptz where run_id = (select id from closed) and done_at is null
      ), waits as (
        update wf_waits set resolved_at = ${at}::timestamptz where run_id = (select id from closed) and resolved_at is null
      ), log as (
        insert into wf_run_log (run_id, kind, data, started_at, ended_at)
        select id, ${`run.${status}`}, ${status === "completed" ? output : error}::jsonb, ${at}::timestamptz, ${at}::timestamptz from closed
      )
      select id from closed`),
  );
  return rows.length > 0;
}
