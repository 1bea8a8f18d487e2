import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { unionAll } from "drizzle-orm/pg-core";
import { getDb, type Db } from "@/db/client";
import { wfRuns } from "@/db/schema";
import { pageOf } from "@/server/keyset-page";

export const RUN_STATUSES = ["running", "completed", "failed", "cancelled"] as const;

export const ZRunFilter = z.object({
  fnId: z.string().max(200).optional(),
  status: z.enum(RUN_STATUSES).optional(),
  cursor: z
    .string()
    .max(100)
    .regex(/^[^|]+\|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "Invalid cursor")
    .refine((c) => !Number.isNaN(Date.parse(c.split("|")[0]!)), "Invalid cursor")
    .optional(),
  limit: z.number().int().min(1).max(100).default(30),
});

/**
 * Runs after the cursor `<iso time>|<id>`, as one row comparison: the index reads from that
 * point on. The same condition spelled with OR (keyset-page.ts's afterCursor) is only a
 * filter, so a deep page would read every newer run first.
 */
function runsAfter(cursor: string): SQL {
  const [at = "", id = ""] = cursor.split("|");
  return sql`(${wfRuns.startedAt}, ${wfRuns.id}) < (${new Date(at).toISOString()}::timestamptz, ${id}::uuid)`;
}

/** Up to `limit` runs matching `where`, newest first by (started_at, id): one index range. */
function newestRuns(db: Db, where: SQL[], limit: number) {
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

/**
 * The statement of one page (bench/runs-page.ts explains it). Each filter shape reads one
 * range of its index (workspace, [status | function, status], started_at, id). A function
 * without a status is four such ranges, one per status, merged (UNION ALL): an index on
 * (workspace, function, started_at) would serve it too, but a rare status in a busy
 * function (its failed runs) would then scan every run of the function.
 */
export function runPageQuery(db: Db, workspaceId: string, filter: z.output<typeof ZRunFilter>) {
  const base: SQL[] = [eq(wfRuns.workspaceId, workspaceId)];
  if (filter.fnId) base.push(eq(wfRuns.fnId, filter.fnId));
  if (filter.cursor) base.push(runsAfter(filter.cursor));
  if (filter.status) base.push(eq(wfRuns.status, filter.status));
  if (filter.status || !filter.fnId) return newestRuns(db, base, filter.limit + 1);
  const [first, second, ...rest] = RUN_STATUSES.map((s) => newestRuns(db, [...base, eq(wfRuns.status, s)], filter.limit + 1));
  return unionAll(first!, second!, ...rest)
    .orderBy(sql`started_at desc, id desc`)
    .limit(filter.limit + 1);
}

/**
 * A workspace's runs, newest first, by keyset pages (never OFFSET): only those whose
 * workspace is this one. The instance's runs (no workspace: cron maintenance) are no
 * workspace's, and a failure handler's run is its failed run's workspace's
 * (embedded/run-workspace.ts).
 */
export async function listRuns(workspaceId: string, raw: z.input<typeof ZRunFilter>) {
  const filter = ZRunFilter.parse(raw);
  const db = await getDb();
  const rows = await runPageQuery(db, workspaceId, filter);
  const { items, nextCursor } = pageOf(rows, filter.limit, (r) => r.startedAt);
  return { runs: items, nextCursor };
}
