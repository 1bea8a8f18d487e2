import { and, asc, eq, inArray, isNull, lt, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { wfRuns, workspaces } from "@/db/schema";
import { DEFAULT_RUN_RETENTION_DAYS } from "./run-retention";

const FINISHED = ["completed", "failed", "cancelled"] as const;
const DAY_MS = 86_400_000;

export interface TPruneOptions {
  now?: Date;
  /** Runs deleted per statement (each its own short transaction, with its jobs, waits and log rows). */
  batchSize?: number;
  /** Stop once this many runs are deleted; the next call goes on (owners already pruned cost one query each). */
  maxRuns?: number;
}

/**
 * Deletes one batch of finished runs that ended before `cutoff`, and by cascade their jobs,
 * waits and log rows. started_at < cutoff (implied by ended_at < cutoff) keeps it on the
 * (workspace, started_at, id) index; SKIP LOCKED leaves alone any run another transaction
 * holds, and a batch locks only its own rows, for one short statement.
 */
async function deleteBatch(owner: SQL, cutoff: Date, batchSize: number): Promise<number> {
  const db = await getDb();
  const doomed = db
    .select({ id: wfRuns.id })
    .from(wfRuns)
    .where(and(owner, lt(wfRuns.startedAt, cutoff), lt(wfRuns.endedAt, cutoff), inArray(wfRuns.status, [...FINISHED])))
    .orderBy(asc(wfRuns.startedAt))
    .limit(batchSize)
    .for("update", { skipLocked: true });
  const deleted = await db.delete(wfRuns).where(inArray(wfRuns.id, doomed)).returning({ id: wfRuns.id });
  return deleted.length;
}

/**
 * Prunes finished runs past their retention: each workspace's (Settings, 1-365 days) and the
 * instance's (workspace null: DEFAULT_RUN_RETENTION_DAYS). Running runs are never touched.
 * Returns how many runs it deleted and whether it stopped at maxRuns with more to do.
 */
export async function pruneRuns(options: TPruneOptions = {}): Promise<{ deleted: number; more: boolean }> {
  const { now = new Date(), batchSize = 500, maxRuns = 100_000 } = options;
  const db = await getDb();
  const owners: { owner: SQL; days: number }[] = [
    { owner: isNull(wfRuns.workspaceId), days: DEFAULT_RUN_RETENTION_DAYS },
    ...(await db.select({ id: workspaces.id, days: workspaces.runRetentionDays }).from(workspaces)).map((w) => ({ owner: eq(wfRuns.workspaceId, w.id), days: w.days })),
  ];
  let deleted = 0;
  for (const { owner, days } of owners) {
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    for (;;) {
      if (deleted >= maxRuns) return { deleted, more: true };
      const n = await deleteBatch(owner, cutoff, batchSize);
      deleted += n;
      if (n < batchSize) break;
    }
  }
  return { deleted, more: false };
}
