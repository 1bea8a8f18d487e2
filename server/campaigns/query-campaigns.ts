import { alias } from "drizzle-orm/pg-core";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { audiences, campaignExecutions, campaigns, channelConfigurations, users } from "@/db/schema";
import { notFound } from "@/server/errors";
import { requiredContextFields } from "@/server/api-campaigns/required-context";
import { otherApprovers } from "./approval-help";
import { approvalRequired } from "./approval-setting";

/** The newest execution of each campaign, for the list's progress and next send. */
async function latestExecutions(campaignIds: string[]) {
  if (!campaignIds.length) return new Map<string, typeof campaignExecutions.$inferSelect>();
  const db = await getDb();
  const rows = await db.selectDistinctOn([campaignExecutions.campaignId]).from(campaignExecutions).where(inArray(campaignExecutions.campaignId, campaignIds)).orderBy(campaignExecutions.campaignId, desc(campaignExecutions.occurrenceAt));
  return new Map(rows.map((r) => [r.campaignId, r]));
}

export async function listCampaigns(workspaceId: string) {
  const db = await getDb();
  const rows = await db
    .select({ id: campaigns.id, name: campaigns.name, type: campaigns.type, status: campaigns.status, kind: campaigns.kind, schedule: campaigns.schedule, updatedAt: campaigns.updatedAt, audienceName: audiences.name })
    .from(campaigns)
    .leftJoin(audiences, eq(audiences.id, campaigns.audienceId))
    .where(eq(campaigns.workspaceId, workspaceId))
    .orderBy(desc(campaigns.updatedAt));
  const latest = await latestExecutions(rows.map((r) => r.id));
  return rows.map((r) => {
    const e = latest.get(r.id);
    return { ...r, execution: e ? { id: e.id, status: e.status, occurrenceAt: e.occurrenceAt, targeted: e.targeted, processed: e.processed } : null };
  });
}

/** How many campaigns wait for a review: the approvers' notification. */
export async function awaitingReviewCount(workspaceId: string) {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(campaigns).where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.status, "in_review")));
  return { count: Number(row?.n ?? 0) };
}

/** `viewerId`: the caller, so the page knows not to offer a review of their own submission. */
export async function getCampaign(workspaceId: string, campaignId: string, viewerId?: string) {
  const db = await getDb();
  const submitter = alias(users, "submitter");
  const reviewer = alias(users, "reviewer");
  const [row] = await db
    .select({ campaign: campaigns, audienceName: audiences.name, audienceKind: audiences.kind, configurationName: channelConfigurations.name, submittedBy: submitter.email, reviewedBy: reviewer.email })
    .from(campaigns)
    .leftJoin(audiences, eq(audiences.id, campaigns.audienceId))
    .leftJoin(channelConfigurations, eq(channelConfigurations.id, campaigns.configurationId))
    .leftJoin(submitter, eq(submitter.id, campaigns.submittedById))
    .leftJoin(reviewer, eq(reviewer.id, campaigns.reviewedById))
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)));
  if (!row) throw notFound("Campaign");
  const executions = await db.select().from(campaignExecutions).where(eq(campaignExecutions.campaignId, campaignId)).orderBy(desc(campaignExecutions.occurrenceAt)).limit(100);
  return { ...row.campaign, audienceName: row.audienceName, audienceKind: row.audienceKind, configurationName: row.configurationName, submittedBy: row.submittedBy, reviewedBy: row.reviewedBy, executions, submittedByYou: Boolean(viewerId && row.campaign.submittedById === viewerId), approvalRequired: await approvalRequired(db, workspaceId), otherApprovers: await otherApprovers(db, workspaceId, row.campaign.submittedById ?? viewerId), contextFields: row.campaign.type === "api" ? contextFieldsOf(row.campaign.content) : [] };
}

function contextFieldsOf(content: Record<string, unknown>): string[] {
  try {
    return requiredContextFields(content);
  } catch {
    return [];
  }
}

/** The executions a report covers: one, or all of the campaign's (newest first); both checked against the workspace. */
export async function executionIdsOf(workspaceId: string, campaignId: string, executionId?: string | null): Promise<string[]> {
  const db = await getDb();
  const [c] = await db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)));
  if (!c) throw notFound("Campaign");
  const rows = await db
    .select({ id: campaignExecutions.id })
    .from(campaignExecutions)
    .where(and(eq(campaignExecutions.campaignId, campaignId), executionId ? eq(campaignExecutions.id, executionId) : undefined))
    .orderBy(desc(campaignExecutions.occurrenceAt));
  if (executionId && !rows.length) throw notFound("Execution");
  return rows.map((r) => r.id);
}
