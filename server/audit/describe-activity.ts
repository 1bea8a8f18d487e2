import { and, eq, inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { apiKeys, audiences, auditLog, campaigns, channelConfigurations, eventDefinitions, journeys, subscriptionTopics, templates, users } from "@/db/schema";
import { activitySentence, nameInDiff } from "./activity-sentence";

type TEntry = typeof auditLog.$inferSelect;
type TNamed = PgTable & { id: PgColumn; name: PgColumn; workspaceId: PgColumn };

const NAMED: Record<string, { table: TNamed; path?: string }> = {
  campaign: { table: campaigns, path: "campaigns" },
  journey: { table: journeys, path: "journeys" },
  audience: { table: audiences, path: "audiences" },
  template: { table: templates, path: "templates" },
  "channel-configuration": { table: channelConfigurations },
  "event-definition": { table: eventDefinitions },
  subscription_topic: { table: subscriptionTopics },
  "api-key": { table: apiKeys },
};

/**
 * Audit entries as sentences a person reads: "Ada Lopez approved the campaign “Spring sale”",
 * with the thing's current name (or the one its entry recorded) and a link to it; members by
 * name, never ids or JSON.
 */
export async function describeActivity(workspaceId: string, entries: TEntry[], slug: string) {
  const db = await getDb();
  const names = new Map<string, string>();
  for (const [type, { table }] of Object.entries(NAMED)) {
    const ids = [...new Set(entries.filter((e) => e.entityType === type && e.entityId).map((e) => e.entityId!))];
    if (!ids.length) continue;
    const rows = (await db.select({ id: table.id, name: table.name }).from(table).where(and(eq(table.workspaceId, workspaceId), inArray(table.id, ids)))) as { id: string; name: string }[];
    for (const r of rows) names.set(`${type}:${r.id}`, r.name);
  }
  const people = [...new Set(entries.flatMap((e) => [e.actorUserId, e.entityType === "member" ? e.entityId : null]).filter((v): v is string => Boolean(v)))];
  const userRows = people.length ? await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, people)) : [];
  const person = new Map(userRows.map((u) => [u.id, u.name || u.email || "a member"]));
  return entries.map((e) => {
    const member = e.entityType === "member" && e.entityId ? person.get(e.entityId) : undefined;
    const name = names.get(`${e.entityType}:${e.entityId}`) ?? member ?? nameInDiff(e.diff);
    const link = NAMED[e.entityType]?.path && names.has(`${e.entityType}:${e.entityId}`) ? `/${slug}/${NAMED[e.entityType]!.path}/${e.entityId}` : null;
    const actor = (e.actorUserId && person.get(e.actorUserId)) || (e.actorLabel === "cli" ? "Parcours setup" : e.actorLabel === "system" ? "Parcours" : e.actorLabel);
    return { id: e.id, at: e.createdAt, actor, text: activitySentence(e, name), link };
  });
}
