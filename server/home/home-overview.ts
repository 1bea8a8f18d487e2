import { and, asc, count, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { audiences, auditLog, campaignExecutions, campaigns, profiles } from "@/db/schema";
import { describeActivity } from "@/server/audit/describe-activity";
import { can, type TRole } from "@/server/auth/permissions";
import { messageStats } from "./message-rollups";

export const HOME_PERIODS = [7, 30, 90] as const;

/** Live journeys with how many profiles entered and are inside now (test runs apart). */
async function liveJourneys(workspaceId: string) {
  const db = await getDb();
  return rowsOf<{ id: string; name: string; entered: number; active: number }>(
    await db.execute(sql`select j.id, j.name, coalesce(c.entered, 0)::int as entered, coalesce(c.active, 0)::int as active
      from journeys j left join lateral (
        select count(*) as entered, count(*) filter (where e.status = 'active') as active from journey_enrollments e where e.journey_id = j.id and not e.is_test
      ) c on true
      where j.workspace_id = ${workspaceId} and j.status = 'live' order by j.updated_at desc limit 6`),
  );
}

/** Campaigns that are live, with their latest send's progress (campaign_executions keeps the counts). */
async function runningCampaigns(workspaceId: string) {
  const db = await getDb();
  return rowsOf<{ id: string; name: string; kind: string; type: string; status: string; targeted: number | null; processed: number | null; execution_status: string | null }>(
    await db.execute(sql`select c.id, c.name, c.kind, c.type, c.status, x.targeted, x.processed, x.status as execution_status
      from campaigns c left join lateral (
        select targeted, processed, status from campaign_executions e where e.campaign_id = c.id and e.occurrence_at <= now() order by e.occurrence_at desc limit 1
      ) x on true
      where c.workspace_id = ${workspaceId} and c.status in ('active', 'paused') order by c.updated_at desc limit 6`),
  );
}

/** The next scheduled sends, and the campaigns waiting for a review or an activation. */
async function upcoming(workspaceId: string) {
  const db = await getDb();
  return db
    .select({ campaignId: campaigns.id, name: campaigns.name, kind: campaigns.kind, at: campaignExecutions.occurrenceAt })
    .from(campaignExecutions)
    .innerJoin(campaigns, eq(campaigns.id, campaignExecutions.campaignId))
    .where(and(eq(campaignExecutions.workspaceId, workspaceId), eq(campaignExecutions.status, "scheduled"), gt(campaignExecutions.occurrenceAt, new Date())))
    .orderBy(asc(campaignExecutions.occurrenceAt))
    .limit(5);
}

/** Everything the marketers' home page shows; nothing here scans messages (see message-rollups.ts). */
export async function homeOverview(workspace: { id: string; slug: string }, role: TRole, days: number) {
  const db = await getDb();
  const [stats, journeysLive, campaignsRunning, next, sizes, [people], drafts] = await Promise.all([
    messageStats(workspace.id, days),
    liveJourneys(workspace.id),
    runningCampaigns(workspace.id),
    upcoming(workspace.id),
    db.select({ id: audiences.id, name: audiences.name, kind: audiences.kind, size: audiences.lastCount }).from(audiences).where(eq(audiences.workspaceId, workspace.id)).orderBy(sql`${audiences.lastCount} desc nulls last`).limit(6),
    db.select({ n: count() }).from(profiles).where(eq(profiles.workspaceId, workspace.id)),
    db.select({ id: campaigns.id, name: campaigns.name, status: campaigns.status }).from(campaigns).where(and(eq(campaigns.workspaceId, workspace.id), inArray(campaigns.status, ["draft", "in_review", "approved"]))).orderBy(desc(campaigns.updatedAt)).limit(5),
  ]);
  const recent = can(role, "audit.read") ? await db.select().from(auditLog).where(eq(auditLog.workspaceId, workspace.id)).orderBy(desc(auditLog.createdAt)).limit(8) : null;
  return {
    stats,
    journeys: journeysLive,
    campaigns: campaignsRunning,
    upcoming: next,
    drafts,
    audiences: sizes,
    profiles: people?.n ?? 0,
    activity: recent ? await describeActivity(workspace.id, recent, workspace.slug) : null,
  };
}
