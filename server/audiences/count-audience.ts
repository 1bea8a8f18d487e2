import { sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { AppError } from "@/server/errors";
import { compileRules } from "./compile-rules";
import { narrowRules } from "./narrow-rules";
import { loadIndexedColumns } from "./indexed-attributes/indexed-columns";
import { resolveAudienceRefs } from "./resolve-refs";
import { ZRuleGroup, type TAudienceRefs, type TIndexedColumns, type TRuleGroup } from "./rules";

/** A preview or count may not hold a connection longer than this. */
const STATEMENT_TIMEOUT_MS = 15_000;

async function matching(db: DbOrTx, workspaceId: string, rules: TRuleGroup, now: Date) {
  const group = ZRuleGroup.parse(rules);
  return audienceCondition(workspaceId, group, now, await resolveAudienceRefs(db, workspaceId, group), await loadIndexedColumns(db));
}

/**
 * The WHERE of an audience over `profiles p`, with the saved audiences it refers to already
 * resolved, reading the typed columns of the indexed attributes given (loadIndexedColumns).
 */
export function audienceCondition(workspaceId: string, group: TRuleGroup, now: Date, refs: TAudienceRefs = new Map(), indexed: TIndexedColumns = new Map()): SQL {
  // The narrowing only adds an index-friendly necessary condition; compileRules stays the exact test.
  const narrow = narrowRules(group, workspaceId, now, indexed);
  return sql`p.workspace_id = ${workspaceId}${narrow ? sql` and ${narrow}` : sql``} and ${compileRules(group, now, refs, indexed)}`;
}

/** Members of the rules in a workspace, counted in one SQL statement. */
export async function countAudience(workspaceId: string, rules: TRuleGroup, now = new Date()): Promise<number> {
  const db = await getDb();
  const where = await matching(db, workspaceId, rules, now);
  const rows = await db.execute(sql`select count(*)::int as n from profiles p where ${where}`);
  return Number(rowsOf<{ n: number }>(rows)[0]?.n ?? 0);
}

/** Ids of matching profiles (for tests and snapshots), in one statement. */
export async function audienceMemberIds(workspaceId: string, rules: TRuleGroup, now = new Date(), limit = 10_000): Promise<string[]> {
  const db = await getDb();
  const where = await matching(db, workspaceId, rules, now);
  const rows = await db.execute(sql`select p.id from profiles p where ${where} order by p.id limit ${limit}`);
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
}

export type TSampleMember = { id: string; attributes: Record<string, unknown>; email: string | null; externalId: string | null };

/** The live preview of the builder: count and a sample of members, bounded in time. */
export async function previewAudience(workspaceId: string, rules: TRuleGroup, sampleSize = 8) {
  const db = await getDb();
  const started = performance.now();
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local statement_timeout = ${STATEMENT_TIMEOUT_MS}`));
      const where = await matching(tx, workspaceId, rules, new Date());
      const counted = await tx.execute(sql`select count(*)::int as n from profiles p where ${where}`);
      const sample = await tx.execute(sql`
        select p.id, p.attributes,
          (select value from profile_identities i where i.profile_id = p.id and i.namespace = 'email' limit 1) as email,
          (select value from profile_identities i where i.profile_id = p.id and i.namespace = 'external_id' limit 1) as "externalId"
        from profiles p where ${where} order by p.updated_at desc, p.id desc limit ${sampleSize}`);
      return { count: Number(rowsOf<{ n: number }>(counted)[0]?.n ?? 0), sample: rowsOf<TSampleMember>(sample), ms: Math.round(performance.now() - started) };
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (/statement timeout|canceling statement/i.test(String((error as Error)?.message))) {
      throw new AppError("BAD_REQUEST", "These rules take too long to evaluate; narrow them (e.g. add a time window to event rules)", "rules");
    }
    throw error;
  }
}
