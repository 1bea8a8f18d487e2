import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { audiences, journeys, journeyVersions } from "@/db/schema";
import { audienceCondition } from "@/server/audiences/count-audience";
import { resolveAudienceRefs } from "@/server/audiences/resolve-refs";
import { ZRuleGroup } from "@/server/audiences/rules";
import { enroll } from "./enroll";

/** The version's audience entry, if it has one and the journey still takes entries. */
export async function audienceEntryOf(versionId: string) {
  const db = await getDb();
  const [v] = await db
    .select({ workspaceId: journeyVersions.workspaceId, journeyId: journeyVersions.journeyId, graph: journeyVersions.graph, settings: journeyVersions.settings, isTest: journeyVersions.isTest, status: journeys.status, liveVersionId: journeys.liveVersionId })
    .from(journeyVersions)
    .innerJoin(journeys, eq(journeys.id, journeyVersions.journeyId))
    .where(eq(journeyVersions.id, versionId));
  const entry = v?.graph.nodes.find((n) => n.type === "entry_audience");
  if (!v || v.isTest || !entry || v.status !== "live" || v.liveVersionId !== versionId) return null;
  return { workspaceId: v.workspaceId, journeyId: v.journeyId, audienceId: String(entry.data.audienceId), ratePerSecond: v.settings.entryRatePerSecond, settings: v.settings };
}

/**
 * Reads the next page of the audience (profile ids after `after`, in id order) and enrolls it.
 * Membership is evaluated as the page is read, like AJO's "read audience".
 */
export async function enterAudiencePage(versionId: string, after: string | null, size: number): Promise<{ read: number; entered: number; last: string | null; done: boolean }> {
  const plan = await audienceEntryOf(versionId);
  if (!plan) return { read: 0, entered: 0, last: null, done: true };
  if (plan.settings.endsAt && new Date(plan.settings.endsAt) <= new Date()) return { read: 0, entered: 0, last: null, done: true };
  const db = await getDb();
  const [audience] = await db.select().from(audiences).where(and(eq(audiences.id, plan.audienceId), eq(audiences.workspaceId, plan.workspaceId)));
  if (!audience) return { read: 0, entered: 0, last: null, done: true };
  const from = after ? sql` and p.id > ${after}` : sql``;
  let page;
  if (audience.kind === "rules" && audience.rules) {
    const group = ZRuleGroup.parse(audience.rules);
    const where = audienceCondition(plan.workspaceId, group, new Date(), await resolveAudienceRefs(db, plan.workspaceId, group));
    page = sql`select p.id from profiles p where ${where}${from} order by p.id limit ${size}`;
  } else {
    page = sql`select p.id from audience_members m join profiles p on p.id = m.profile_id
      where m.audience_id = ${audience.id} and p.workspace_id = ${plan.workspaceId}${from} order by p.id limit ${size}`;
  }
  const r = await enroll({ workspaceId: plan.workspaceId, journeyId: plan.journeyId, versionId, profileIds: { page, after }, test: false, reEntry: plan.settings.reEntry });
  return { read: r.read, entered: r.entered, last: r.last, done: r.read < size };
}
