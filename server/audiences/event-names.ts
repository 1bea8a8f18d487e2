import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";

/** Track event names seen in the last 90 days, most frequent first, for the rule builder. */
export async function recentEventNames(workspaceId: string): Promise<{ name: string; count: number }[]> {
  const db = await getDb();
  const rows = await db.execute(sql`
    select name, count(*)::int as count from events
    where workspace_id = ${workspaceId} and type = 'track' and name is not null and timestamp > now() - interval '90 days'
    group by name order by count desc, name limit 200`);
  return rowsOf<{ name: string; count: number }>(rows);
}
