import { and, count, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { wfRuns } from "@/db/schema";
import { RUN_STATUSES } from "./list-runs";

/** Counts stop here: the Runs page shows "10,000+" rather than counting a million runs. */
export const RUN_COUNT_CAP = 10_000;

/**
 * The workspace's runs per status, each counted up to RUN_COUNT_CAP: at most that many
 * entries of the (workspace, status, started_at, id) index are read per status, whatever
 * the table holds. `more` says the count stopped at the cap.
 */
export async function countRuns(workspaceId: string) {
  const db = await getDb();
  const counts = await Promise.all(
    RUN_STATUSES.map(async (status) => {
      const capped = db
        .select({ one: sql`1` })
        .from(wfRuns)
        .where(and(eq(wfRuns.workspaceId, workspaceId), eq(wfRuns.status, status)))
        .limit(RUN_COUNT_CAP + 1)
        .as("capped");
      const [row] = await db.select({ n: count() }).from(capped);
      const n = row?.n ?? 0;
      return { status, n: Math.min(n, RUN_COUNT_CAP), more: n > RUN_COUNT_CAP };
    }),
  );
  return { cap: RUN_COUNT_CAP, counts };
}
