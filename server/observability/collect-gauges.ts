import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { log } from "./logger";
import type { TMetrics } from "./metrics";

/** Seconds of messages `parcours_messages_recent` counts (PARCOURS_METRICS_MESSAGE_WINDOW, default 300). */
export function messageWindowSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.PARCOURS_METRICS_MESSAGE_WINDOW ?? 300);
  return Number.isFinite(value) && value > 0 ? Math.min(value, 86_400) : 300;
}

/**
 * Reads the gauges a scrape reports from the database, each with one indexed query: due
 * workflow jobs (the partial index on pending jobs' run_at, due ones only), recent messages
 * (each workspace's (workspace_id, created_at) index), connections (pg_stat_activity).
 * Nothing is counted on the hot paths; a failing database sets `parcours_db_up` to 0.
 */
export async function collectGauges(m: TMetrics, db: Db, driver: "pglite" | "postgres"): Promise<void> {
  const started = performance.now();
  m.dbPoolMax.set(driver === "postgres" ? Number(process.env.PARCOURS_DB_POOL ?? 10) : 1);
  try {
    const [jobs] = rowsOf<{ due: number; running: number; late: number; lateness: number | null }>(
      await db.execute(sql`
        select count(*) filter (where locked_until is null or locked_until <= now())::int as due,
               count(*) filter (where locked_until > now())::int as running,
               count(*) filter (where (locked_until is null or locked_until <= now()) and run_at < now() - interval '1 minute')::int as late,
               extract(epoch from now() - min(run_at) filter (where locked_until is null or locked_until <= now()))::float8 as lateness
        from wf_jobs where done_at is null and run_at <= now()`),
    );
    for (const state of ["due", "running", "late"] as const) m.workflowJobs.set({ state }, jobs?.[state] ?? 0);
    m.executorLateness.set(Math.max(0, jobs?.lateness ?? 0));

    const windowSeconds = messageWindowSeconds();
    const messages = rowsOf<{ channel: string; status: string; n: number }>(
      await db.execute(sql`
        select m.kind as channel, m.status, count(*)::int as n
        from workspaces w
        join lateral (select kind, status from messages where workspace_id = w.id and created_at >= now() - make_interval(secs => ${windowSeconds})) m on true
        group by m.kind, m.status`),
    );
    m.messages.reset();
    for (const row of messages) m.messages.set({ channel: row.channel, status: row.status }, row.n);

    m.dbConnections.reset();
    if (driver === "postgres") {
      const connections = rowsOf<{ state: string | null; n: number }>(
        await db.execute(sql`select state, count(*)::int as n from pg_stat_activity where datname = current_database() group by state`),
      );
      for (const row of connections) m.dbConnections.set({ state: row.state ?? "unknown" }, row.n);
    }
    m.dbUp.set(1);
  } catch (error) {
    m.dbUp.set(0);
    log().warn({ err: error }, "metrics: the database queries failed");
  } finally {
    m.dbScrapeSeconds.set((performance.now() - started) / 1000);
  }
}
