import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignExecutions, campaigns, type TCampaignStatus } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { publishEvents } from "@/server/workflows/client";
import { workflowNow } from "@/server/workflows/embedded/clock";
import { campaignExecutionRequested, campaignExecutionResumed } from "@/server/workflows/events";
import { approvalRequired } from "./approval-setting";
import { lockCampaign } from "./review-campaign";
import { firstOccurrence } from "./schedule";

/** An approved campaign (any draft when approval is off) goes live: its first execution is created and started. `now` is the executor's clock, on which the execution sleeps (time travel moves both). */
export async function activateCampaign(workspaceId: string, campaignId: string, actor: TActor, now = workflowNow()) {
  const db = await getDb();
  const [kind] = await db.select({ type: campaigns.type }).from(campaigns).where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)));
  if (kind?.type === "api") return activateApiCampaign(workspaceId, campaignId, actor, now);
  let previous: TCampaignStatus = "approved";
  const { campaign, executionId } = await db.transaction(async (tx) => {
    const c = await lockCampaign(tx, workspaceId, campaignId);
    previous = c.status;
    const ready = (await approvalRequired(tx, workspaceId)) ? c.status === "approved" : ["draft", "rejected", "approved"].includes(c.status);
    if (!ready) throw new AppError("CONFLICT", c.status === "active" ? "This campaign is already active" : "Only an approved campaign can be activated");
    if (c.type !== "scheduled" || !c.schedule) throw new AppError("BAD_REQUEST", "Only a scheduled campaign is activated here");
    const at = firstOccurrence(c.schedule, now);
    if (!at) throw new AppError("BAD_REQUEST", "The schedule has no send time left; edit it", "schedule");
    const [execution] = await tx.insert(campaignExecutions).values({ campaignId, workspaceId, occurrenceAt: at }).returning({ id: campaignExecutions.id });
    const [after] = await tx.update(campaigns).set({ status: "active", updatedAt: now }).where(eq(campaigns.id, campaignId)).returning();
    await recordAudit(tx, { workspaceId, actor, action: "campaign.activate", entityType: "campaign", entityId: campaignId, diff: { status: { from: c.status, to: "active" }, firstSendAt: { to: at.toISOString() } } });
    return { campaign: after!, executionId: execution!.id };
  });
  try {
    await publishEvents(campaignExecutionRequested.create({ workspaceId, campaignId, executionId }));
  } catch (error) {
    // Nothing would run it: undo, so the campaign does not look live.
    await db.transaction(async (tx) => {
      await tx.delete(campaignExecutions).where(eq(campaignExecutions.id, executionId));
      await tx.update(campaigns).set({ status: previous }).where(and(eq(campaigns.id, campaignId), eq(campaigns.status, "active")));
    });
    throw error;
  }
  return campaign;
}

const LIVE = ["scheduled", "sending", "paused"] as const;

async function wake(executionIds: string[]) {
  if (executionIds.length) await publishEvents(executionIds.map((executionId) => campaignExecutionResumed.create({ executionId })));
}

/** Holds the campaign: a sending execution finishes its current group of sends, then waits. */
export async function pauseCampaign(workspaceId: string, campaignId: string, actor: TActor) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await lockCampaign(tx, workspaceId, campaignId);
    if (c.status !== "active") throw new AppError("CONFLICT", "Only an active campaign can be paused");
    await tx.update(campaignExecutions).set({ status: "paused" }).where(and(eq(campaignExecutions.campaignId, campaignId), inArray(campaignExecutions.status, ["scheduled", "sending"])));
    const [after] = await tx.update(campaigns).set({ status: "paused", updatedAt: new Date() }).where(eq(campaigns.id, campaignId)).returning();
    await recordAudit(tx, { workspaceId, actor, action: "campaign.pause", entityType: "campaign", entityId: campaignId, diff: { status: { from: "active", to: "paused" } } });
    return after!;
  });
}

export async function resumeCampaign(workspaceId: string, campaignId: string, actor: TActor) {
  const db = await getDb();
  const { campaign, ids } = await db.transaction(async (tx) => {
    const c = await lockCampaign(tx, workspaceId, campaignId);
    if (c.status !== "paused") throw new AppError("CONFLICT", "Only a paused campaign can be resumed");
    const paused = await tx.select().from(campaignExecutions).where(and(eq(campaignExecutions.campaignId, campaignId), eq(campaignExecutions.status, "paused")));
    for (const e of paused) await tx.update(campaignExecutions).set({ status: e.startedAt ? "sending" : "scheduled" }).where(eq(campaignExecutions.id, e.id));
    const [after] = await tx.update(campaigns).set({ status: "active", updatedAt: new Date() }).where(eq(campaigns.id, campaignId)).returning();
    await recordAudit(tx, { workspaceId, actor, action: "campaign.resume", entityType: "campaign", entityId: campaignId, diff: { status: { from: "paused", to: "active" } } });
    return { campaign: after!, ids: paused.map((e) => e.id) };
  });
  await wake(ids);
  return campaign;
}

/** Ends the campaign for good: no execution sends again (one mid-send stops after its current group). */
export async function stopCampaign(workspaceId: string, campaignId: string, actor: TActor) {
  const db = await getDb();
  const { campaign, ids } = await db.transaction(async (tx) => {
    const c = await lockCampaign(tx, workspaceId, campaignId);
    if (c.status !== "active" && c.status !== "paused") throw new AppError("CONFLICT", "Only an active or paused campaign can be stopped");
    const stopped = await tx.update(campaignExecutions).set({ status: "stopped", finishedAt: new Date() }).where(and(eq(campaignExecutions.campaignId, campaignId), inArray(campaignExecutions.status, [...LIVE]))).returning({ id: campaignExecutions.id });
    const [after] = await tx.update(campaigns).set({ status: "stopped", updatedAt: new Date() }).where(eq(campaigns.id, campaignId)).returning();
    await recordAudit(tx, { workspaceId, actor, action: "campaign.stop", entityType: "campaign", entityId: campaignId, diff: { status: { from: c.status, to: "stopped" } } });
    return { campaign: after!, ids: stopped.map((e) => e.id) };
  });
  await wake(ids);
  return campaign;
}

/** An API-triggered campaign goes live by accepting triggers; nothing is scheduled. */
async function activateApiCampaign(workspaceId: string, campaignId: string, actor: TActor, now: Date) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await lockCampaign(tx, workspaceId, campaignId);
    const ready = (await approvalRequired(tx, workspaceId)) ? c.status === "approved" : ["draft", "rejected", "approved"].includes(c.status);
    if (!ready) throw new AppError("CONFLICT", c.status === "active" ? "This campaign is already active" : "Only an approved campaign can be activated");
    const [after] = await tx.update(campaigns).set({ status: "active", updatedAt: now }).where(eq(campaigns.id, campaignId)).returning();
    await recordAudit(tx, { workspaceId, actor, action: "campaign.activate", entityType: "campaign", entityId: campaignId, diff: { status: { from: c.status, to: "active" } } });
    return after!;
  });
}
