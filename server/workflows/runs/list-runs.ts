import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { wfRuns } from "@/db/schema";
import { afterCursor, pageOf, ZCursor } from "@/server/keyset-page";

export const ZRunFilter = z.object({
  fnId: z.string().max(200).optional(),
  status: z.enum(["running", "completed", "failed", "cancelled"]).optional(),
  cursor: ZCursor.optional(),
  limit: z.number().int().min(1).max(100).default(30),
});

/**
 * A workspace's runs, newest first: only those whose workspace is this one. The instance's
 * runs (no workspace: cron maintenance) are no workspace's, and a failure handler's run is
 * its failed run's workspace's (embedded/run-workspace.ts).
 */
export async function listRuns(workspaceId: string, raw: z.input<typeof ZRunFilter>) {
  const filter = ZRunFilter.parse(raw);
  const db = await getDb();
  const where: SQL[] = [eq(wfRuns.workspaceId, workspaceId)];
  if (filter.fnId) where.push(eq(wfRuns.fnId, filter.fnId));
  if (filter.status) where.push(eq(wfRuns.status, filter.status));
  const after = afterCursor(filter.cursor, wfRuns.startedAt, wfRuns.id);
  if (after) where.push(after);
  const rows = await db
    .select({
      id: wfRuns.id,
      fnId: wfRuns.fnId,
      status: wfRuns.status,
      eventName: sql<string>`${wfRuns.event}->>'name'`,
      /** A batched run's number of events (batchEvents); null for a run of one event. */
      batchSize: sql<number | null>`jsonb_array_length(${wfRuns.events})`,
      workspaceId: wfRuns.workspaceId,
      startedAt: wfRuns.startedAt,
      endedAt: wfRuns.endedAt,
      steps: sql<number>`jsonb_array_length(${wfRuns.stack})`,
    })
    .from(wfRuns)
    .where(and(...where))
    .orderBy(desc(wfRuns.startedAt), desc(wfRuns.id))
    .limit(filter.limit + 1);
  const { items, nextCursor } = pageOf(rows, filter.limit, (r) => r.startedAt);
  return { runs: items, nextCursor };
}

/** Counts per status and function of the workspace's runs, for the summary chart. */
export async function runStats(workspaceId: string) {
  const db = await getDb();
  return db
    .select({ fnId: wfRuns.fnId, status: wfRuns.status, n: sql<number>`count(*)::int` })
    .from(wfRuns)
    .where(eq(wfRuns.workspaceId, workspaceId))
    .groupBy(wfRuns.fnId, wfRuns.status);
}
