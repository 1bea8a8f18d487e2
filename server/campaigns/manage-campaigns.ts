import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { campaignExecutions, campaigns, type TCampaignStatus } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { diffOf, recordAudit } from "@/server/audit/record-audit";
import { checkTopic } from "@/server/consents/check-topic";
import { AppError, notFound } from "@/server/errors";
import { approvalRequired } from "./approval-setting";
import { ZCampaignInput, type TCampaignInput } from "./campaign-input";
import { checkCampaignInput } from "./check-campaign-input";

async function assertNameFree(tx: DbOrTx, workspaceId: string, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, workspaceId), sql`lower(${campaigns.name}) = lower(${name})`, exceptId ? ne(campaigns.id, exceptId) : undefined));
  if (clash) throw new AppError("CONFLICT", `A campaign named "${name}" already exists`, "name");
}

/** The columns that differ between the two types. */
function typed(input: TParsedCampaign) {
  return input.type === "scheduled"
    ? { name: input.name, audienceId: input.audienceId, schedule: input.schedule, ratePerSecond: input.ratePerSecond ?? null, apiMode: null }
    : { name: input.name, audienceId: null, schedule: null, ratePerSecond: null, apiMode: input.apiMode };
}
type TParsedCampaign = ReturnType<typeof ZCampaignInput.parse>;

const audited = (c: typeof campaigns.$inferSelect) => ({ name: c.name, status: c.status, version: c.version, audienceId: c.audienceId, kind: c.kind, schedule: c.schedule, apiMode: c.apiMode, capExempt: c.capExempt, topicId: c.topicId, seedAddresses: c.seedAddresses });

/** Who may change `capExempt` (an admin: the messages.exemptFromCaps permission). */
export type TCampaignAccess = { mayExempt: boolean };

function assertExemptAllowed(from: boolean, to: boolean, access: TCampaignAccess) {
  if (from !== to && !access.mayExempt) throw new AppError("FORBIDDEN", "Only an admin can exempt a campaign from frequency caps, or take the exemption off", "capExempt");
}

export async function createCampaign(workspaceId: string, raw: TCampaignInput, actor: TActor, access: TCampaignAccess = { mayExempt: false }) {
  const input = ZCampaignInput.parse(raw);
  assertExemptAllowed(false, input.capExempt ?? false, access);
  const db = await getDb();
  const { content, seedAddresses } = await checkCampaignInput(db, workspaceId, input);
  await checkTopic(db, workspaceId, input.topicId, input.kind);
  return db.transaction(async (tx) => {
    await assertNameFree(tx, workspaceId, input.name);
    const [row] = await tx
      .insert(campaigns)
      .values({ workspaceId, type: input.type, ...typed(input), kind: input.kind, configurationId: input.configurationId ?? null, templateId: input.templateId ?? null, content, seedAddresses, capExempt: input.capExempt ?? false, topicId: input.topicId ?? null, createdById: actor.userId })
      .returning();
    await recordAudit(tx, { workspaceId, actor, action: "campaign.create", entityType: "campaign", entityId: row!.id, diff: diffOf(null, audited(row!)) });
    return row!;
  });
}

// Statuses in which the campaign can still change; editing puts it back before review.
const EDITABLE: TCampaignStatus[] = ["draft", "rejected", "in_review", "approved", "active", "paused"];

/**
 * Every save bumps `version` (the compiled-content cache key). An approved, in-review or
 * scheduled-but-not-started campaign goes back to draft (with approval off: to approved, so
 * it can be activated again); its pending executions are dropped.
 */
export async function updateCampaign(workspaceId: string, campaignId: string, raw: TCampaignInput, actor: TActor, access: TCampaignAccess = { mayExempt: false }) {
  const input = ZCampaignInput.parse(raw);
  const db = await getDb();
  const { content, seedAddresses } = await checkCampaignInput(db, workspaceId, input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(campaigns).where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId))).for("update");
    if (!before) throw notFound("Campaign");
    if (before.type !== input.type) throw new AppError("BAD_REQUEST", "A campaign cannot change between scheduled and API-triggered", "type");
    if (!EDITABLE.includes(before.status)) throw new AppError("CONFLICT", `A ${before.status} campaign cannot be edited; duplicate it instead`);
    const capExempt = input.capExempt ?? before.capExempt;
    assertExemptAllowed(before.capExempt, capExempt, access);
    const topicId = input.topicId === undefined ? before.topicId : input.topicId;
    await checkTopic(tx, workspaceId, topicId, input.kind, "topicId", before.topicId);
    const started = await tx.select({ id: campaignExecutions.id }).from(campaignExecutions).where(and(eq(campaignExecutions.campaignId, campaignId), ne(campaignExecutions.status, "scheduled")));
    if (started.length > 0) throw new AppError("CONFLICT", "This campaign has already sent; stop it instead of editing it");
    await assertNameFree(tx, workspaceId, input.name, campaignId);
    await tx.delete(campaignExecutions).where(and(eq(campaignExecutions.campaignId, campaignId), inArray(campaignExecutions.status, ["scheduled"])));
    const needsReview = await approvalRequired(tx, workspaceId);
    const status: TCampaignStatus = before.status === "draft" || before.status === "rejected" ? before.status : needsReview ? "draft" : "approved";
    const [after] = await tx
      .update(campaigns)
      .set({ ...typed(input), kind: input.kind, configurationId: input.configurationId ?? null, templateId: input.templateId ?? null, content, seedAddresses, capExempt, topicId, version: before.version + 1, status, updatedAt: new Date() })
      .where(eq(campaigns.id, campaignId))
      .returning();
    await recordAudit(tx, { workspaceId, actor, action: "campaign.update", entityType: "campaign", entityId: campaignId, diff: diffOf(audited(before), audited(after!)) });
    return after!;
  });
}

/** Only a campaign that never sent can be deleted; the others keep their reports. */
export async function deleteCampaign(workspaceId: string, campaignId: string, actor: TActor) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(campaigns).where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId))).for("update");
    if (!row) throw notFound("Campaign");
    const started = await tx.select({ id: campaignExecutions.id }).from(campaignExecutions).where(and(eq(campaignExecutions.campaignId, campaignId), ne(campaignExecutions.status, "scheduled")));
    if (started.length > 0) throw new AppError("CONFLICT", "This campaign has sent messages; its report stays, so it cannot be deleted");
    await tx.delete(campaigns).where(eq(campaigns.id, campaignId));
    await recordAudit(tx, { workspaceId, actor, action: "campaign.delete", entityType: "campaign", entityId: campaignId, diff: { name: { from: row.name } } });
  });
}
