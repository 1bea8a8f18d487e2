import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { wfRuns } from "@/db/schema";
import { afterCursor, pageOf, ZCursor } from "@/server/keyset-page";

export const RUN_STATUSES = ["running", "completed", "failed", "cancelled"] as const;

export const ZRunFilter = z.object({
  fnId: z.string().max(200).optional(),
  status: z.enum(RUN_STATUSES).optional(),
  cursor: ZCursor.optional(),
  limit: z.number().int().min(1).max(100).default(30),
});

type TRunRow = Awaited<ReturnType<typeof newestRuns>>[number];

/** Up to `limit` runs matching `where`, newest first by (started_at, id): one index range each. */
async function newestRuns(where: SQL[], limit: number) {
  const db = await getDb();
  return db
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
    .limit(limit);
}

const newestFirst = (a: TRunRow, b: TRunRow) => b.startedAt.getTime() - a.startedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * A workspace's runs, newest first: only those whose workspace is this one. The instance's
 * runs (no workspace: cron maintenance) are no workspace's, and a failure handler's run is
 * its failed run's workspace's (embedded/run-workspace.ts).
 *
 * Keyset pages, never OFFSET: each filter shape reads one range of its index
 * (workspace, [status | function, status], started_at, id). A function without a status is
 * four such ranges, one per status, merged here: an index on (workspace, function,
 * started_at) would serve it too, but a rare status in a busy function (its failed runs)
 * would then scan every run of the function.
 */
export async function listRuns(workspaceId: string, raw: z.input<typeof ZRunFilter>) {
  const filter = ZRunFilter.parse(raw);
  const base: SQL[] = [eq(wfRuns.workspaceId, workspaceId)];
  if (filter.fnId) base.push(eq(wfRuns.fnId, filter.fnId));
  const after = afterCursor(filter.cursor, wfRuns.startedAt, wfRuns.id);
  if (after) base.push(after);
  const limit = filter.limit + 1;
  const statuses = filter.status ? [filter.status] : filter.fnId ? RUN_STATUSES : [];
  const rows = statuses.length
    ? (await Promise.all(statuses.map((s) => newestRuns([...base, eq(wfRuns.status, s)], limit)))).flat().sort(newestFirst).slice(0, limit)
    : await newestRuns(base, limit);
  const { items, nextCursor } = pageOf(rows, filter.limit, (r) => r.startedAt);
  return { runs: items, nextCursor };
}
