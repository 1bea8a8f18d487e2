import { z } from "zod";
import { can } from "@/server/auth/permissions";
import { closeJourney, stopJourney } from "@/server/journeys/control-journey";
import { REACTIONS } from "@/server/journeys/graph/nodes";
import { journeyStats } from "@/server/journeys/journey-stats";
import { enrollmentTrace, nodeProfiles, profileJourneys, testRuns } from "@/server/journeys/journey-traces";
import { createJourney, deleteJourney, saveDraft, updateJourneyMeta, ZDraft, ZJourneyMeta } from "@/server/journeys/manage-journeys";
import { publishJourney } from "@/server/journeys/publish-journey";
import { getJourney, getVersion, listJourneys } from "@/server/journeys/query-journeys";
import { approveJourney, rejectJourney, submitJourney } from "@/server/journeys/review-journey";
import { fireBusinessEvent, fireReaction, skipWait } from "@/server/journeys/test-actions";
import { sendTestProfiles, setTestMode } from "@/server/journeys/test-mode";
import { journeyTestProfiles } from "@/server/journeys/test-profiles";
import { router, workspaceProcedure } from "../init";

const ZJourneyId = z.object({ journeyId: z.uuid("journeyId must be a UUID") });
const ZEnrollmentId = z.object({ enrollmentId: z.uuid("enrollmentId must be a UUID") });
const ZTest = z.boolean().default(false);

export const journeysRouter = router({
  list: workspaceProcedure("journeys.read").query(({ ctx }) => listJourneys(ctx.workspace.id)),
  get: workspaceProcedure("journeys.read").input(ZJourneyId).query(({ ctx, input }) => getJourney(ctx.workspace.id, input.journeyId, ctx.user.id)),
  version: workspaceProcedure("journeys.read").input(z.object({ versionId: z.uuid("versionId must be a UUID") })).query(({ ctx, input }) => getVersion(ctx.workspace.id, input.versionId)),
  stats: workspaceProcedure("journeys.read").input(ZJourneyId.extend({ test: ZTest })).query(({ ctx, input }) => journeyStats(ctx.workspace.id, input.journeyId, input.test)),
  nodeProfiles: workspaceProcedure("journeys.read")
    .input(ZJourneyId.extend({ nodeId: z.string().min(1, "nodeId is required").max(64), test: ZTest }))
    .query(({ ctx, input }) => nodeProfiles(ctx.workspace.id, input.journeyId, input.nodeId, input.test)),
  trace: workspaceProcedure("journeys.read").input(ZEnrollmentId).query(({ ctx, input }) => enrollmentTrace(ctx.workspace.id, input.enrollmentId)),
  testRuns: workspaceProcedure("journeys.read").input(ZJourneyId).query(({ ctx, input }) => testRuns(ctx.workspace.id, input.journeyId)),
  testProfiles: workspaceProcedure("journeys.read").input(ZJourneyId).query(({ ctx, input }) => journeyTestProfiles(ctx.workspace.id, input.journeyId)),
  forProfile: workspaceProcedure("journeys.read").input(z.object({ profileId: z.uuid("profileId must be a UUID") })).query(({ ctx, input }) => profileJourneys(ctx.workspace.id, input.profileId)),

  create: workspaceProcedure("journeys.manage").input(ZJourneyMeta).mutation(({ ctx, input }) => createJourney(ctx.workspace.id, input, ctx.actor)),
  update: workspaceProcedure("journeys.manage").input(ZJourneyId.extend(ZJourneyMeta.shape)).mutation(({ ctx, input }) => updateJourneyMeta(ctx.workspace.id, input.journeyId, input, ctx.actor)),
  saveDraft: workspaceProcedure("journeys.manage").input(ZJourneyId.extend(ZDraft.shape)).mutation(({ ctx, input }) => saveDraft(ctx.workspace.id, input.journeyId, input, ctx.actor, { mayExempt: can(ctx.role, "messages.exemptFromCaps") })),
  delete: workspaceProcedure("journeys.manage").input(ZJourneyId).mutation(({ ctx, input }) => deleteJourney(ctx.workspace.id, input.journeyId, ctx.actor)),

  submit: workspaceProcedure("journeys.manage").input(ZJourneyId).mutation(({ ctx, input }) => submitJourney(ctx.workspace.id, input.journeyId, ctx.actor)),
  approve: workspaceProcedure("journeys.approve")
    .input(ZJourneyId.extend({ comment: z.string().max(2000, "At most 2,000 characters").optional() }))
    .mutation(({ ctx, input }) => approveJourney(ctx.workspace.id, input.journeyId, input.comment, ctx.actor)),
  reject: workspaceProcedure("journeys.approve")
    .input(ZJourneyId.extend({ comment: z.string().trim().min(1, "Say what to change").max(2000, "At most 2,000 characters") }))
    .mutation(({ ctx, input }) => rejectJourney(ctx.workspace.id, input.journeyId, input.comment, ctx.actor)),
  publish: workspaceProcedure("journeys.manage").input(ZJourneyId).mutation(({ ctx, input }) => publishJourney(ctx.workspace.id, input.journeyId, ctx.actor)),
  stop: workspaceProcedure("journeys.manage").input(ZJourneyId).mutation(({ ctx, input }) => stopJourney(ctx.workspace.id, input.journeyId, ctx.actor)),
  close: workspaceProcedure("journeys.manage").input(ZJourneyId).mutation(({ ctx, input }) => closeJourney(ctx.workspace.id, input.journeyId, ctx.actor)),

  setTestMode: workspaceProcedure("journeys.manage")
    .input(ZJourneyId.extend({ on: z.boolean({ error: "on must be true or false" }) }))
    .mutation(({ ctx, input }) => setTestMode(ctx.workspace.id, input.journeyId, input.on, ctx.actor)),
  sendTest: workspaceProcedure("journeys.manage")
    .input(ZJourneyId.extend({ profileIds: z.array(z.uuid("Profile ids are UUIDs")).min(1, "Pick at least one test profile").max(50, "At most 50 test profiles at once"), payload: z.record(z.string(), z.unknown()).optional() }))
    .mutation(({ ctx, input }) => sendTestProfiles(ctx.workspace.id, input.journeyId, input.profileIds, input.payload, ctx.actor)),
  fireReaction: workspaceProcedure("journeys.manage")
    .input(ZEnrollmentId.extend({ messageNodeId: z.string().min(1, "messageNodeId is required").max(64), reaction: z.enum(REACTIONS, { error: "reaction is opened, clicked or delivered" }) }))
    .mutation(({ ctx, input }) => fireReaction(ctx.workspace.id, input.enrollmentId, input.messageNodeId, input.reaction, ctx.actor)),
  fireEvent: workspaceProcedure("journeys.manage")
    .input(ZEnrollmentId.extend({ definitionId: z.uuid("Choose a business event"), properties: z.record(z.string(), z.unknown()).default({}) }))
    .mutation(({ ctx, input }) => fireBusinessEvent(ctx.workspace.id, input.enrollmentId, input.definitionId, input.properties, ctx.actor)),
  skipWait: workspaceProcedure("journeys.manage").input(ZEnrollmentId).mutation(({ ctx, input }) => skipWait(ctx.workspace.id, input.enrollmentId, ctx.actor)),
});
