import { and, asc, count, gt, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { wfJobs } from "@/db/schema";
import type { TExecutorContext } from "./context";
import type { TJob } from "./process-job";

/**
 * Claims up to `max` due jobs for this worker with a lease. Candidates are taken with
 * FOR UPDATE SKIP LOCKED; claims that count a per-function concurrency limit (over leased
 * jobs) are serialized by an advisory lock, so the limits hold across processes.
 */
export async function claimJobs(ctx: TExecutorContext, max: number): Promise<TJob[]> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const candidates = await tx
      .select()
      .from(wfJobs)
      .where(and(isNull(wfJobs.doneAt), lte(wfJobs.runAt, now), or(isNull(wfJobs.lockedUntil), lte(wfJobs.lockedUntil, now))))
      .orderBy(asc(wfJobs.runAt), asc(wfJobs.id))
      .limit(max * 4)
      .for("update", { skipLocked: true });
    if (candidates.length === 0) return [];
    const limited = candidates.filter((j) => j.concurrencyLimit !== null);
    const inFlight = new Map<string, number>();
    if (limited.length > 0) {
      // Taken only when a limit is to be counted; the rows above are already ours (FOR UPDATE).
      await tx.execute(sql`select pg_advisory_xact_lock(7261, 1)`);
      const rows = await tx
        .select({ fnId: wfJobs.fnId, key: wfJobs.concurrencyKey, n: count() })
        .from(wfJobs)
        .where(and(isNull(wfJobs.doneAt), isNotNull(wfJobs.concurrencyLimit), gt(wfJobs.lockedUntil, now), inArray(wfJobs.fnId, [...new Set(limited.map((j) => j.fnId))])))
        .groupBy(wfJobs.fnId, wfJobs.concurrencyKey);
      for (const r of rows) inFlight.set(`${r.fnId}\u0000${r.key ?? ""}`, r.n);
    }
    const chosen: TJob[] = [];
    const runsChosen = new Set<string>();
    for (const job of candidates) {
      if (chosen.length >= max) break;
      // One call per run at a time, except planned parallel steps, keeps a run's calls ordered.
      if (job.stepId === "step" && runsChosen.has(job.runId)) continue;
      if (job.concurrencyLimit !== null) {
        const key = `${job.fnId}\u0000${job.concurrencyKey ?? ""}`;
        const n = inFlight.get(key) ?? 0;
        if (n >= job.concurrencyLimit) continue;
        inFlight.set(key, n + 1);
      }
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
