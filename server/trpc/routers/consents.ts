import { z } from "zod";
import { createTopic, listTopics, updateTopic, ZTopicInput, ZTopicUpdate } from "@/server/consents/manage-topics";
import { changeSubscriptions, profileSubscriptions, ZSubscriptionChanges } from "@/server/consents/profile-subscriptions";
import { profileConsentHistory } from "@/server/consents/consent-history";
import { router, workspaceProcedure } from "../init";

const ZTopicId = z.uuid("topicId must be a UUID");
const ZProfileId = z.uuid("profileId must be a UUID");

/** Subscription topics (Settings, admins) and a profile's consents (profile page; admins and managers change them, source "admin"). */
export const consentsRouter = router({
  topics: workspaceProcedure("channels.read")
    .input(z.object({ archived: z.boolean().optional() }))
    .query(({ ctx, input }) => listTopics(ctx.workspace.id, { archived: input.archived })),

  createTopic: workspaceProcedure("topics.manage")
    .input(z.object({ topic: ZTopicInput }))
    .mutation(({ ctx, input }) => createTopic(ctx.workspace.id, input.topic, ctx.actor)),

  updateTopic: workspaceProcedure("topics.manage")
    .input(z.object({ topicId: ZTopicId, topic: ZTopicUpdate }))
    .mutation(({ ctx, input }) => updateTopic(ctx.workspace.id, input.topicId, input.topic, ctx.actor)),

  profile: workspaceProcedure("profiles.read")
    .input(z.object({ profileId: ZProfileId }))
    .query(async ({ ctx, input }) => ({ ...(await profileSubscriptions(ctx.workspace.id, input.profileId)), history: await profileConsentHistory(ctx.workspace.id, input.profileId) })),

  updateProfile: workspaceProcedure("consents.manage")
    .input(z.object({ profileId: ZProfileId, changes: ZSubscriptionChanges }))
    .mutation(({ ctx, input }) => changeSubscriptions(ctx.workspace.id, input.profileId, input.changes, "admin", ctx.actor)),
});
