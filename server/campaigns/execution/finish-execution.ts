import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignExecutions, campaigns } from "@/db/schema";
import { recordAudit } from "@/server/audit/record-audit";
import { enqueueWebhookEvents } from "@/server/webhooks/enqueue";
import { nextOccurrence } from "../schedule";

const system = { userId: null, label: "system" };

/**
 * Marks a sent execution completed. A recurring campaign gets its next execution (returned,
 * for the caller to start); otherwise, or past `until`, the campaign is completed.
 */
export async function finishExecution(executionId: string, now = new Date()): Promise<{ next: { id: string; campaignId: string; workspaceId: string } | null }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [execution] = await tx.select().from(campaignExecutions).where(eq(campaignExecutions.id, executionId)).for("update");
    if (!execution || execution.status !== "sending") return { next: null };
    await tx.update(campaignExecutions).set({ status: "completed", finishedAt: now }).where(eq(campaignExecutions.id, executionId));
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, execution.campaignId)).for("update");
    const completed = { campaignId: execution.campaignId, executionId, occurrenceAt: execution.occurrenceAt, targeted: execution.targeted };
    await enqueueWebhookEvents(execution.workspaceId, [{ type: "campaign.completed", data: completed, timestamp: now }], tx);
    if (!campaign || campaign.status !== "active") return { next: null };
    const at = campaign.schedule?.type === "recurring" ? nextOccurrence(campaign.schedule, execution.occurrenceAt) : null;
    if (at) {
      const [next] = await tx.insert(campaignExecutions).values({ campaignId: campaign.id, workspaceId: campaign.workspaceId, occurrenceAt: at }).onConflictDoNothing().returning({ id: campaignExecutions.id });
      return { next: next ? { id: next.id, campaignId: campaign.id, workspaceId: campaign.workspaceId } : null };
    }
    await tx.update(campaigns).set({ status: "completed", updatedAt: now }).where(and(eq(campaigns.id, campaign.id), eq(campaigns.status, "active")));
    await recordAudit(tx, { workspaceId: campaign.workspaceId, actor: system, action: "campaign.complete", entityType: "campaign", entityId: campaign.id, diff: { status: { from: "active", to: "completed" } } });
    return { next: null };
  });
}

export async function executionStatus(executionId: string): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ status: campaignExecutions.status }).from(campaignExecutions).where(eq(campaignExecutions.id, executionId));
  return row?.status ?? "stopped";
}
