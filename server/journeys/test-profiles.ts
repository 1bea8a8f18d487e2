import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { audiences, journeys, profiles } from "@/db/schema";
import { CORE_KINDS } from "@/plugins/sdk";
import { audienceCondition } from "@/server/audiences/count-audience";
import { loadIndexedColumns } from "@/server/audiences/indexed-attributes/indexed-columns";
import { resolveAudienceRefs } from "@/server/audiences/resolve-refs";
import type { TRuleGroup } from "@/server/audiences/rules";
import { notFound } from "@/server/errors";
import { resolveRecipients } from "@/server/messaging/recipient";

const nameOf = (a: Record<string, unknown>) => [a.firstName, a.lastName].filter((v) => typeof v === "string" && v).join(" ");

/**
 * The workspace's test profiles as the journey test panel lists them: name, the path they suit
 * (their note), the channels that can reach them, and whether they are in the journey's entry
 * audience (test mode sends them in anyway, and the panel says so).
 */
export async function journeyTestProfiles(workspaceId: string, journeyId: string, limit = 50) {
  const db = await getDb();
  const [journey] = await db.select({ graph: journeys.graph }).from(journeys).where(and(eq(journeys.id, journeyId), eq(journeys.workspaceId, workspaceId)));
  if (!journey) throw notFound("Journey");
  const rows = await db.select({ id: profiles.id, attributes: profiles.attributes, note: profiles.testNote }).from(profiles)
    .where(and(eq(profiles.workspaceId, workspaceId), eq(profiles.isTest, true))).orderBy(profiles.testNote, profiles.id).limit(limit);
  const ids = rows.map((r) => r.id);
  const reach = await resolveRecipients(db, workspaceId, ids);
  const entry = journey.graph.nodes.find((n) => n.type === "entry_audience");
  const audienceId = typeof entry?.data.audienceId === "string" ? entry.data.audienceId : null;
  const [audience] = audienceId ? await db.select({ name: audiences.name }).from(audiences).where(and(eq(audiences.id, audienceId), eq(audiences.workspaceId, workspaceId))) : [];
  const members = audience && ids.length ? await membersAmong(workspaceId, audienceId!, ids) : null;
  return {
    entryAudience: audience?.name ?? null,
    profiles: rows.map((r) => {
      const recipient = reach.get(r.id)?.recipient;
      const channels = Object.values(CORE_KINDS).filter((k) => recipient && k.reachable(recipient)).map((k) => k.id);
      const email = recipient?.email ?? null;
      return { id: r.id, name: nameOf(r.attributes) || email || r.id.slice(0, 8), email, note: r.note, channels, inEntryAudience: members ? members.has(r.id) : null };
    }),
  };
}

/** Which of these profiles are in the audience (rules or list), in one statement. */
async function membersAmong(workspaceId: string, audienceId: string, ids: string[]): Promise<Set<string>> {
  const db = await getDb();
  const group: TRuleGroup = { kind: "group", combinator: "and", rules: [{ kind: "membership", audienceId, member: true }] };
  const where = audienceCondition(workspaceId, group, new Date(), await resolveAudienceRefs(db, workspaceId, group), await loadIndexedColumns(db));
  const rows = rowsOf<{ id: string }>(await db.execute(sql`select p.id from profiles p where ${where} and p.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`));
  return new Set(rows.map((r) => r.id));
}
