import { and, count, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { wfRuns } from "@/db/schema";
import { RUN_STATUSES } from "./list-runs";

/** Counts stop here: the Runs page shows "10,000+" rather than counting a million runs. */
export const RUN_COUNT_CAP = 10_000;

/** One statement per status (bench/runs-page.ts explains them): at most CAP + 1 index entries each. */
export function runCountQueries(db: Db, workspaceId: string) {
  return RUN_STATUSES.map((status) => {
    const capped = db
      .select({ one: sql`1` })
      .from(wfRuns)
      .where(and(eq(wfRuns.workspaceId, workspaceId), eq(wfRuns.status, status)))
      .limit(RUN_COUNT_CAP + 1)
      .as("capped");
    return { status, query: db.select({ n: count() }).from(capped) };
  });
}

/**
 * The workspace's runs per status, each counted up to RUN_COUNT_CAP on the
 * (workspace, status, started_at, id) index, whatever the table holds. `more` says the count
 * stopped at the cap. Exact counts would read every run; estimates (pg_class.reltuples) are
 * table-wide, not per workspace.
 */
export async function countRuns(workspaceId: string) {
  const db = await getDb();
  const counts = await Promise.all(
    runCountQueries(db, workspaceId).map(async ({ status, query }) => {
      const n = (await query)[0]?.n ?? 0;
      return { status, n: Math.min(n, RUN_COUNT_CAP), more: n > RUN_COUNT_CAP };
    }),
  );
  return { cap: RUN_COUNT_CAP, counts };
}
