import { and, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { campaigns, type TCampaignStatus } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError, notFound } from "@/server/errors";
import { approvalRequired } from "./approval-setting";

export async function lockCampaign(tx: DbOrTx, workspaceId: string, campaignId: string) {
  const [row] = await tx.select().from(campaigns).where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId))).for("update");
  if (!row) throw notFound("Campaign");
  return row;
}

async function transition(workspaceId: string, campaignId: string, actor: TActor, action: string, check: (c: typeof campaigns.$inferSelect, tx: DbOrTx) => Promise<Partial<typeof campaigns.$inferInsert> & { status: TCampaignStatus }>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockCampaign(tx, workspaceId, campaignId);
    const set = await check(before, tx);
    const [after] = await tx.update(campaigns).set({ ...set, updatedAt: new Date() }).where(eq(campaigns.id, campaignId)).returning();
    const diff = { status: { from: before.status, to: set.status }, ...(set.reviewComment ? { comment: { to: set.reviewComment } } : {}) };
    await recordAudit(tx, { workspaceId, actor, action, entityType: "campaign", entityId: campaignId, diff });
    return after!;
  });
}

/** A manager hands a draft (or a rejected campaign, reworked) to the approvers. */
export function submitCampaign(workspaceId: string, campaignId: string, actor: TActor) {
  return transition(workspaceId, campaignId, actor, "campaign.submit", async (c, tx) => {
    if (!(await approvalRequired(tx, workspaceId))) throw new AppError("BAD_REQUEST", "Approval is off in this workspace: activate the campaign directly");
    if (c.status !== "draft" && c.status !== "rejected") throw new AppError("CONFLICT", `Only a draft or rejected campaign can be submitted (this one is ${c.status})`);
    return { status: "in_review", submittedById: actor.userId, submittedAt: new Date(), reviewedById: null, reviewedAt: null, reviewComment: null };
  });
}

/** Four eyes: whoever submitted a campaign never reviews it, whatever their role. */
function assertReviewable(c: typeof campaigns.$inferSelect, actor: TActor) {
  if (c.status !== "in_review") throw new AppError("CONFLICT", `Only a campaign in review can be reviewed (this one is ${c.status})`);
  if (actor.userId && c.submittedById === actor.userId) throw new AppError("FORBIDDEN", "You submitted this campaign: another approver must review it");
}

export function approveCampaign(workspaceId: string, campaignId: string, comment: string | undefined, actor: TActor) {
  return transition(workspaceId, campaignId, actor, "campaign.approve", async (c) => {
    assertReviewable(c, actor);
    return { status: "approved", reviewedById: actor.userId, reviewedAt: new Date(), reviewComment: comment?.trim() || null };
  });
}

export function rejectCampaign(workspaceId: string, campaignId: string, comment: string, actor: TActor) {
  return transition(workspaceId, campaignId, actor, "campaign.reject", async (c) => {
    assertReviewable(c, actor);
    return { status: "rejected", reviewedById: actor.userId, reviewedAt: new Date(), reviewComment: comment.trim() };
  });
}
