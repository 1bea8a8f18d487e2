import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { audiences, users } from "@/db/schema";
import { notFound } from "@/server/errors";
import { pageOf } from "@/server/keyset-page";
import { compileRules } from "./compile-rules";
import { rowsOf } from "@/db/rows";
import { refreshCount } from "./manage-audiences";
import { resolveAudienceRefs } from "./resolve-refs";
import type { TAudienceRefs } from "./rules";

const memberCount = sql<number | null>`case when ${audiences.kind} = 'list' then (select count(*)::int from audience_members m where m.audience_id = ${audiences.id}) else ${audiences.lastCount} end`;

/** Audiences of a workspace, most recently changed first; lists counted live, rules as last counted. */
export async function listAudiences(workspaceId: string) {
  const db = await getDb();
  return db
    .select({ id: audiences.id, name: audiences.name, description: audiences.description, kind: audiences.kind, count: memberCount, countedAt: audiences.countedAt, updatedAt: audiences.updatedAt, createdBy: users.name })
    .from(audiences)
    .leftJoin(users, eq(users.id, audiences.createdById))
    .where(eq(audiences.workspaceId, workspaceId))
    .orderBy(desc(audiences.updatedAt), desc(audiences.id));
}

/** One audience with its size counted now. */
export async function getAudience(workspaceId: string, id: string) {
  const db = await getDb();
  const [row] = await db.select().from(audiences).where(and(eq(audiences.id, id), eq(audiences.workspaceId, workspaceId)));
  if (!row) throw notFound("Audience");
  if (row.kind === "rules") return refreshCount(workspaceId, row);
  const [counted] = await db.select({ n: memberCount }).from(audiences).where(eq(audiences.id, id));
  return { ...row, lastCount: counted?.n ?? 0 };
}

/**
 * A page of members: list rows newest first, or matching profiles most recently updated first.
 * Ordered and paged on the time to the millisecond (what a cursor holds), so rows added in one
 * statement (the same microsecond) are neither skipped nor repeated.
 */
export async function audienceMembersPage(workspaceId: string, id: string, cursor?: string, limit = 25) {
  const db = await getDb();
  const audience = await getAudienceRow(workspaceId, id);
  const identity = (ns: string) => sql<string | null>`(select i.value from profile_identities i where i.profile_id = p.id and i.namespace = ${ns} limit 1)`;
  let rows: { id: string; attributes: Record<string, unknown>; email: string | null; externalId: string | null; at: Date }[];
  if (audience.kind === "list") {
    const at = sql`date_trunc('milliseconds', m.added_at)`;
    const after = cursor ? afterCursorSql(cursor, at, sql`p.id`) : sql`true`;
    rows = rowsOf(await db.execute(sql`select p.id, p.attributes, ${identity("email")} as email, ${identity("external_id")} as "externalId", m.added_at as at
      from audience_members m join profiles p on p.id = m.profile_id
      where m.audience_id = ${id} and ${after} order by ${at} desc, p.id desc limit ${limit + 1}`));
  } else {
    const refs = await resolveAudienceRefs(db, workspaceId, audience.rules!);
    const at = sql`date_trunc('milliseconds', p.updated_at)`;
    const after = cursor ? afterCursorSql(cursor, at, sql`p.id`) : sql`true`;
    rows = rowsOf(await db.execute(sql`select p.id, p.attributes, ${identity("email")} as email, ${identity("external_id")} as "externalId", p.updated_at as at
      from profiles p where p.workspace_id = ${workspaceId} and ${compileRules(audience.rules!, new Date(), refs)} and ${after}
      order by ${at} desc, p.id desc limit ${limit + 1}`));
  }
  const { items, nextCursor } = pageOf(rows.map((r) => ({ ...r, at: new Date(r.at) })), limit, (r) => r.at);
  return { members: items, nextCursor };
}

async function getAudienceRow(workspaceId: string, id: string) {
  const db = await getDb();
  const [row] = await db.select().from(audiences).where(and(eq(audiences.id, id), eq(audiences.workspaceId, workspaceId)));
  if (!row) throw notFound("Audience");
  return row;
}

function afterCursorSql(cursor: string, time: ReturnType<typeof sql>, idCol: ReturnType<typeof sql>) {
  const [at = "", last = ""] = cursor.split("|");
  return sql`(${time} < ${at}::timestamptz or (${time} = ${at}::timestamptz and ${idCol} < ${last}::uuid))`;
}

/** The saved audiences a profile belongs to now: list rows and every rules audience, in one statement. */
export async function audiencesOfProfile(workspaceId: string, profileId: string) {
  const db = await getDb();
  const all = await db.select().from(audiences).where(eq(audiences.workspaceId, workspaceId)).orderBy(audiences.name);
  // Every saved audience is at hand, so membership rules resolve without more queries (loops were refused at save).
  const refs: TAudienceRefs = new Map(all.map((a) => [a.id, a.kind === "rules" && a.rules ? { kind: "rules" as const, rules: a.rules } : { kind: "list" as const }]));
  const now = new Date();
  const tests = all.map((a) =>
    a.kind === "list"
      ? sql`select ${a.id}::uuid as id where exists (select 1 from audience_members m where m.audience_id = ${a.id} and m.profile_id = ${profileId})`
      : sql`select ${a.id}::uuid as id where exists (select 1 from profiles p where p.id = ${profileId} and p.workspace_id = ${workspaceId} and ${compileRules(a.rules!, now, refs)})`,
  );
  if (tests.length === 0) return [];
  const member = new Set(rowsOf<{ id: string }>(await db.execute(sql.join(tests, sql` union all `))).map((r) => r.id));
  return all.filter((a) => member.has(a.id)).map((a) => ({ id: a.id, name: a.name, kind: a.kind }));
}
