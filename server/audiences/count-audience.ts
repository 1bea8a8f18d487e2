import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { compileRules } from "./compile-rules";
import { narrowRules } from "./narrow-rules";
import { ZRuleGroup, type TRuleGroup } from "./rules";

/** Members of the rules in a workspace, counted in one SQL statement. */
export async function countAudience(workspaceId: string, rules: TRuleGroup, now = new Date()): Promise<number> {
  const group = ZRuleGroup.parse(rules);
  const db = await getDb();
  const rows = await db.execute(sql`select count(*)::int as n from profiles p where ${audienceCondition(workspaceId, group, now)}`);
  return Number(rowsOf<{ n: number }>(rows)[0]?.n ?? 0);
}

/** Ids of matching profiles (for tests and samples), in one statement. */
export async function audienceMemberIds(workspaceId: string, rules: TRuleGroup, now = new Date(), limit = 10_000): Promise<string[]> {
  const group = ZRuleGroup.parse(rules);
  const db = await getDb();
  const rows = await db.execute(sql`select p.id from profiles p where ${audienceCondition(workspaceId, group, now)} order by p.id limit ${limit}`);
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
}

/** The WHERE clause over `profiles p`: the exact compiled rules, and what narrows them through indexes. */
export function audienceCondition(workspaceId: string, group: TRuleGroup, now: Date): SQL {
  const narrow = narrowRules(group, workspaceId, now);
  return sql`p.workspace_id = ${workspaceId}${narrow ? sql` and ${narrow}` : sql``} and ${compileRules(group, now)}`;
}

// postgres.js returns the rows; PGlite returns { rows }.
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
