import { and, asc, count, gt, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { wfJobs } from "@/db/schema";
import { tableRowsOf } from "@/db/table-rows";
import type { TExecutorContext } from "./context";
import type { TJob } from "./process-job";
import { snapshotOf, type TRunSnapshot } from "./run-snapshot";

export type TClaimedJob = TJob & { run?: TRunSnapshot };

/**
 * Claims up to `max` due jobs for this worker with a lease, in one statement when none of
 * the due jobs counts against a per-function concurrency limit (claimFree). Jobs that do
 * are claimed in a transaction that counts the leased ones (claimLimited). A job claimed in
 * one statement comes with its run as that statement read it, so its call needs no read.
 */
export async function claimJobs(ctx: TExecutorContext, max: number): Promise<TClaimedJob[]> {
  const { jobs, limitedDue } = await claimFree(ctx, max);
  if (!limitedDue || jobs.length >= max) return jobs;
  return [...jobs, ...(await claimLimited(ctx, max - jobs.length))];
}

/**
 * One statement: due candidates taken FOR UPDATE SKIP LOCKED in due order (by run_at alone, as
 * the index `wf_jobs_due` gives it: with a tie-break on id, 100,000 jobs due at one instant were
 * all read and sorted for every claim, 39 ms instead of 0.15 ms), those without a
 * concurrency limit leased, one call per run at a time (a run's planned parallel steps
 * excepted: their step ids are not "step"), which keeps a run's calls ordered.
 */
async function claimFree(ctx: TExecutorContext, max: number): Promise<{ jobs: TClaimedJob[]; limitedDue: boolean }> {
  const now = ctx.clock.now();
  const result = await ctx.db.execute(sql`
    with c as (
      select id, run_id, step_id, run_at, concurrency_limit from wf_jobs
      where done_at is null and run_at <= ${now.toISOString()}::timestamptz
        and (locked_until is null or locked_until <= ${now.toISOString()}::timestamptz)
      order by run_at limit ${max * 4}::int
      for update skip locked
    ), ranked as (
      select id, run_at, step_id, row_number() over (partition by run_id order by run_at, id) as k from c where concurrency_limit is null
    ), chosen as (
      select id from ranked where step_id <> 'step' or k = 1 order by run_at, id limit ${max}::int
    ), leased as (
      update wf_jobs j set locked_until = ${new Date(now.getTime() + ctx.leaseMs).toISOString()}::timestamptz, locked_by = ${ctx.workerId}
      from chosen where j.id = chosen.id returning j.*
    )
    select l.*, f.limited_due, r.id as r_id, r.fn_id as r_fn_id, r.status as r_status, r.event as r_event, r.events as r_events,
      r.steps as r_steps, r.stack as r_stack, r.max_attempts as r_max_attempts,
      r.disable_immediate_execution as r_disable_immediate_execution, r.batch_open_until as r_batch_open_until
    from (select count(*)::int as limited_due from c where concurrency_limit is not null) f
      left join leased l on true
      left join wf_runs r on r.id = l.run_id and l.kind <> 'wait-timeout'`);
  const rows = rowsOf<Record<string, unknown>>(result).filter((r) => r.id !== null);
  const jobs: TClaimedJob[] = tableRowsOf(wfJobs, rows);
  rows.forEach((row, i) => {
    // A run still collecting a batch is read again when its call starts (batch-events.ts closes it).
    if (row.r_id !== null && row.r_batch_open_until === null) jobs[i]!.run = snapshotOf(row, "r_");
  });
  jobs.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
  return { jobs, limitedDue: Number(rowsOf<{ limited_due: number }>(result)[0]?.limited_due ?? 0) > 0 };
}

/** Jobs under a concurrency limit (in due order, as above); the count of leased ones is serialized by an advisory lock, so limits hold across processes. */
async function claimLimited(ctx: TExecutorContext, max: number): Promise<TJob[]> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const candidates = await tx
      .select()
      .from(wfJobs)
      .where(and(isNull(wfJobs.doneAt), isNotNull(wfJobs.concurrencyLimit), lte(wfJobs.runAt, now), or(isNull(wfJobs.lockedUntil), lte(wfJobs.lockedUntil, now))))
      .orderBy(asc(wfJobs.runAt))
      .limit(max * 4)
      .for("update", { skipLocked: true });
    if (candidates.length === 0) return [];
    // The rows above are already ours (FOR UPDATE).
    await tx.execute(sql`select pg_advisory_xact_lock(7261, 1)`);
    const rows = await tx
      .select({ fnId: wfJobs.fnId, key: wfJobs.concurrencyKey, n: count() })
      .from(wfJobs)
      .where(and(isNull(wfJobs.doneAt), isNotNull(wfJobs.concurrencyLimit), gt(wfJobs.lockedUntil, now), inArray(wfJobs.fnId, [...new Set(candidates.map((j) => j.fnId))])))
      .groupBy(wfJobs.fnId, wfJobs.concurrencyKey);
    const inFlight = new Map<string, number>();
    for (const r of rows) inFlight.set(`${r.fnId}\u0000${r.key ?? ""}`, r.n);
    const chosen: TJob[] = [];
    const runsChosen = new Set<string>();
    for (const job of candidates) {
      if (chosen.length >= max) break;
      if (job.stepId === "step" && runsChosen.has(job.runId)) continue;
      const key = `${job.fnId}\u0000${job.concurrencyKey ?? ""}`;
      const n = inFlight.get(key) ?? 0;
      if (n >= job.concurrencyLimit!) continue;
      inFlight.set(key, n + 1);
      chosen.push(job);
      runsChosen.add(job.runId);
    }
    if (chosen.length === 0) return [];
    const lockedUntil = new Date(now.getTime() + ctx.leaseMs);
    await tx
      .update(wfJobs)
      .set({ lockedUntil, lockedBy: ctx.workerId })
      .where(inArray(wfJobs.id, chosen.map((j) => j.id)));
    return chosen.map((j) => ({ ...j, lockedUntil, lockedBy: ctx.workerId }));
  });
}

/** The earliest time a pending job becomes due, for the virtual clock. */
export async function nextDueAt(ctx: TExecutorContext): Promise<Date | null> {
  const [row] = await ctx.db
    .select({ at: sql<string | Date | null>`min(greatest(${wfJobs.runAt}, coalesce(${wfJobs.lockedUntil}, ${wfJobs.runAt})))` })
    .from(wfJobs)
    .where(isNull(wfJobs.doneAt));
  return row?.at ? new Date(row.at) : null;
}
