import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { journeys, type TJourneyReview } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { approvalRequired } from "@/server/campaigns/approval-setting";
import { AppError } from "@/server/errors";
import { assertRunnable } from "./publish-journey";
import { lockJourney } from "./manage-journeys";

type TJourneyRow = typeof journeys.$inferSelect;

async function transition(workspaceId: string, journeyId: string, actor: TActor, action: string, check: (j: TJourneyRow, tx: DbOrTx) => Promise<Partial<typeof journeys.$inferInsert> & { review: TJourneyReview }>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockJourney(tx, workspaceId, journeyId);
    const set = await check(before, tx);
    const [after] = await tx.update(journeys).set({ ...set, updatedAt: new Date() }).where(eq(journeys.id, journeyId)).returning();
    const diff = { review: { from: before.review, to: set.review }, ...(set.reviewComment ? { comment: { to: set.reviewComment } } : {}) };
    await recordAudit(tx, { workspaceId, actor, action, entityType: "journey", entityId: journeyId, diff });
    return after!;
  });
}

/** A manager hands the draft to the approvers; it must be valid, since approving a broken graph means nothing. */
export function submitJourney(workspaceId: string, journeyId: string, actor: TActor) {
  return transition(workspaceId, journeyId, actor, "journey.submit", async (j, tx) => {
    if (!(await approvalRequired(tx, workspaceId))) throw new AppError("BAD_REQUEST", "Approval is off in this workspace: publish the journey directly");
    if (j.status === "closed" || j.status === "stopped") throw new AppError("CONFLICT", `A ${j.status} journey cannot be submitted`);
    if (j.review === "in_review" || j.review === "approved") throw new AppError("CONFLICT", `This draft is already ${j.review === "approved" ? "approved" : "in review"}`);
    if (j.status === "live" && !j.draftChanged) throw new AppError("CONFLICT", "Nothing to review: the live version is the draft");
    await assertRunnable(tx, j);
    return { review: "in_review", submittedById: actor.userId, submittedAt: new Date(), reviewedById: null, reviewComment: null };
  });
}

/** Four eyes: whoever submitted a draft never reviews it, whatever their role. */
function assertReviewable(j: TJourneyRow, actor: TActor) {
  if (j.review !== "in_review") throw new AppError("CONFLICT", "Only a journey in review can be approved or rejected");
  if (actor.userId && j.submittedById === actor.userId) throw new AppError("FORBIDDEN", "You submitted this journey: another approver must review it");
}

export function approveJourney(workspaceId: string, journeyId: string, comment: string | undefined, actor: TActor) {
  return transition(workspaceId, journeyId, actor, "journey.approve", async (j) => {
    assertReviewable(j, actor);
    return { review: "approved", reviewedById: actor.userId, reviewComment: comment?.trim() || null };
  });
}

export function rejectJourney(workspaceId: string, journeyId: string, comment: string, actor: TActor) {
  return transition(workspaceId, journeyId, actor, "journey.reject", async (j) => {
    assertReviewable(j, actor);
    return { review: "rejected", reviewedById: actor.userId, reviewComment: comment.trim() };
  });
}
