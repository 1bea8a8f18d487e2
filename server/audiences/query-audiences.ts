import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { audiences, users } from "@/db/schema";
import { notFound } from "@/server/errors";
import { pageOf } from "@/server/keyset-page";
import { compileRules } from "./compile-rules";
import { rowsOf } from "./count-audience";
import { refreshCount } from "./manage-audiences";
import { resolveAudienceRefs } from "./resolve-refs";

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

/** A page of members: list rows newest first, or matching profiles most recently updated first. */
export async function audienceMembersPage(workspaceId: string, id: string, cursor?: string, limit = 25) {
  const db = await getDb();
  const audience = await getAudienceRow(workspaceId, id);
  const identity = (ns: string) => sql<string | null>`(select i.value from profile_identities i where i.profile_id = p.id and i.namespace = ${ns} limit 1)`;
  let rows: { id: string; attributes: Record<string, unknown>; email: string | null; externalId: string | null; at: Date }[];
  if (audience.kind === "list") {
    const after = cursor ? afterCursorSql(cursor, sql`m.added_at`, sql`p.id`) : sql`true`;
    rows = rowsOf(await db.execute(sql`select p.id, p.attributes, ${identity("email")} as email, ${identity("external_id")} as "externalId", m.added_at as at
      from audience_members m join profiles p on p.id = m.profile_id
      where m.audience_id = ${id} and ${after} order by m.added_at desc, p.id desc limit ${limit + 1}`));
  } else {
    const refs = await resolveAudienceRefs(db, workspaceId, audience.rules!);
    const after = cursor ? afterCursorSql(cursor, sql`p.updated_at`, sql`p.id`) : sql`true`;
    rows = rowsOf(await db.execute(sql`select p.id, p.attributes, ${identity("email")} as email, ${identity("external_id")} as "externalId", p.updated_at as at
      from profiles p where p.workspace_id = ${workspaceId} and ${compileRules(audience.rules!, new Date(), refs)} and ${after}
      order by p.updated_at desc, p.id desc limit ${limit + 1}`));
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

/** The saved audiences a profile belongs to now (lists by row, rules evaluated). */
export async function audiencesOfProfile(workspaceId: string, profileId: string) {
  const db = await getDb();
  const all = await db.select().from(audiences).where(eq(audiences.workspaceId, workspaceId)).orderBy(audiences.name);
  const result: { id: string; name: string; kind: string }[] = [];
  for (const a of all) {
    let member: boolean;
    if (a.kind === "list") {
      member = rowsOf(await db.execute(sql`select 1 from audience_members where audience_id = ${a.id} and profile_id = ${profileId}`)).length > 0;
    } else {
      const refs = await resolveAudienceRefs(db, workspaceId, a.rules!).catch(() => null);
      member = !!refs && rowsOf(await db.execute(sql`select 1 from profiles p where p.id = ${profileId} and p.workspace_id = ${workspaceId} and ${compileRules(a.rules!, new Date(), refs)}`)).length > 0;
    }
    if (member) result.push({ id: a.id, name: a.name, kind: a.kind });
  }
  return result;
}
