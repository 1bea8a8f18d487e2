import { z } from "zod";
import { can } from "@/server/auth/permissions";
import { getDb } from "@/db/client";
import { approvalRequired, setApprovalRequired } from "@/server/campaigns/approval-setting";
import { ZCampaignInput } from "@/server/campaigns/campaign-input";
import { campaignRecipientsPage } from "@/server/campaigns/campaign-recipients";
import { campaignReport } from "@/server/campaigns/campaign-report";
import { activateCampaign, pauseCampaign, resumeCampaign, stopCampaign } from "@/server/campaigns/control-campaign";
import { createCampaign, deleteCampaign, updateCampaign } from "@/server/campaigns/manage-campaigns";
import { awaitingReviewCount, getCampaign, listCampaigns } from "@/server/campaigns/query-campaigns";
import { approveCampaign, rejectCampaign, submitCampaign } from "@/server/campaigns/review-campaign";
import { router, workspaceProcedure } from "../init";

const ZCampaignId = z.object({ campaignId: z.uuid("campaignId must be a UUID") });
const ZExecution = ZCampaignId.extend({ executionId: z.uuid("executionId must be a UUID").nullish() });

export const campaignsRouter = router({
  list: workspaceProcedure("campaigns.read").query(({ ctx }) => listCampaigns(ctx.workspace.id)),
  get: workspaceProcedure("campaigns.read").input(ZCampaignId).query(({ ctx, input }) => getCampaign(ctx.workspace.id, input.campaignId, ctx.user.id)),
  awaitingReview: workspaceProcedure("campaigns.read").query(({ ctx }) => awaitingReviewCount(ctx.workspace.id)),
  report: workspaceProcedure("campaigns.read").input(ZExecution).query(({ ctx, input }) => campaignReport(ctx.workspace.id, input.campaignId, input.executionId)),
  recipients: workspaceProcedure("campaigns.read")
    .input(ZExecution.extend({ after: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => campaignRecipientsPage(ctx.workspace.id, input.campaignId, input.executionId, input.after, input.limit)),

  create: workspaceProcedure("campaigns.manage")
    .input(z.object({ campaign: ZCampaignInput }))
    .mutation(({ ctx, input }) => createCampaign(ctx.workspace.id, input.campaign, ctx.actor, { mayExempt: can(ctx.role, "messages.exemptFromCaps") })),
  update: workspaceProcedure("campaigns.manage")
    .input(ZCampaignId.extend({ campaign: ZCampaignInput }))
    .mutation(({ ctx, input }) => updateCampaign(ctx.workspace.id, input.campaignId, input.campaign, ctx.actor, { mayExempt: can(ctx.role, "messages.exemptFromCaps") })),
  delete: workspaceProcedure("campaigns.manage").input(ZCampaignId).mutation(({ ctx, input }) => deleteCampaign(ctx.workspace.id, input.campaignId, ctx.actor)),

  submit: workspaceProcedure("campaigns.manage").input(ZCampaignId).mutation(({ ctx, input }) => submitCampaign(ctx.workspace.id, input.campaignId, ctx.actor)),
  approve: workspaceProcedure("campaigns.approve")
    .input(ZCampaignId.extend({ comment: z.string().max(2000, "At most 2,000 characters").optional() }))
    .mutation(({ ctx, input }) => approveCampaign(ctx.workspace.id, input.campaignId, input.comment, ctx.actor)),
  reject: workspaceProcedure("campaigns.approve")
    .input(ZCampaignId.extend({ comment: z.string().trim().min(1, "Say what to change").max(2000, "At most 2,000 characters") }))
    .mutation(({ ctx, input }) => rejectCampaign(ctx.workspace.id, input.campaignId, input.comment, ctx.actor)),

  activate: workspaceProcedure("campaigns.manage").input(ZCampaignId).mutation(({ ctx, input }) => activateCampaign(ctx.workspace.id, input.campaignId, ctx.actor)),
  pause: workspaceProcedure("campaigns.manage").input(ZCampaignId).mutation(({ ctx, input }) => pauseCampaign(ctx.workspace.id, input.campaignId, ctx.actor)),
  resume: workspaceProcedure("campaigns.manage").input(ZCampaignId).mutation(({ ctx, input }) => resumeCampaign(ctx.workspace.id, input.campaignId, ctx.actor)),
  stop: workspaceProcedure("campaigns.manage").input(ZCampaignId).mutation(({ ctx, input }) => stopCampaign(ctx.workspace.id, input.campaignId, ctx.actor)),

  approval: workspaceProcedure("campaigns.read").query(async ({ ctx }) => ({ approvalRequired: await approvalRequired(await getDb(), ctx.workspace.id) })),

  setApproval: workspaceProcedure("settings.approval")
    .input(z.object({ required: z.boolean({ error: "required must be true or false" }) }))
    .mutation(({ ctx, input }) => setApprovalRequired(ctx.workspace.id, input.required, ctx.actor)),
});
