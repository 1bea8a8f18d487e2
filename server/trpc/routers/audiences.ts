import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { profiles } from "@/db/schema";
import { changeListMembers, ZProfileRefs } from "@/server/audiences/change-members";
import { previewAudience } from "@/server/audiences/count-audience";
import { recentEventNames } from "@/server/audiences/event-names";
import { createAudience, deleteAudience, updateAudience, ZAudienceInput } from "@/server/audiences/manage-audiences";
import { audienceMembersPage, audiencesOfProfile, getAudience, listAudiences } from "@/server/audiences/query-audiences";
import { ZRuleGroup } from "@/server/audiences/rules";
import { notFound } from "@/server/errors";
import { ZCursor } from "@/server/keyset-page";
import { router, workspaceProcedure } from "../init";

const ZAudienceId = z.object({ audienceId: z.uuid("audienceId must be a UUID") });

export const audiencesRouter = router({
  list: workspaceProcedure("audiences.read").query(({ ctx }) => listAudiences(ctx.workspace.id)),

  get: workspaceProcedure("audiences.read").input(ZAudienceId).query(({ ctx, input }) => getAudience(ctx.workspace.id, input.audienceId)),

  preview: workspaceProcedure("audiences.read")
    .input(z.object({ rules: ZRuleGroup }))
    .query(({ ctx, input }) => previewAudience(ctx.workspace.id, input.rules)),

  members: workspaceProcedure("audiences.read")
    .input(ZAudienceId.extend({ cursor: ZCursor.optional() }))
    .query(({ ctx, input }) => audienceMembersPage(ctx.workspace.id, input.audienceId, input.cursor)),

  ofProfile: workspaceProcedure("audiences.read")
    .input(z.object({ profileId: z.uuid("profileId must be a UUID") }))
    .query(async ({ ctx, input }) => {
      const db = await getDb();
      const [found] = await db.select({ id: profiles.id }).from(profiles).where(and(eq(profiles.id, input.profileId), eq(profiles.workspaceId, ctx.workspace.id)));
      if (!found) throw notFound("Profile");
      return audiencesOfProfile(ctx.workspace.id, input.profileId);
    }),

  eventNames: workspaceProcedure("audiences.read").query(({ ctx }) => recentEventNames(ctx.workspace.id)),

  create: workspaceProcedure("audiences.manage")
    .input(z.object({ audience: ZAudienceInput }))
    .mutation(({ ctx, input }) => createAudience(ctx.workspace.id, input.audience, ctx.actor)),

  update: workspaceProcedure("audiences.manage")
    .input(ZAudienceId.extend({ audience: ZAudienceInput }))
    .mutation(({ ctx, input }) => updateAudience(ctx.workspace.id, input.audienceId, input.audience, ctx.actor)),

  delete: workspaceProcedure("audiences.manage").input(ZAudienceId).mutation(({ ctx, input }) => deleteAudience(ctx.workspace.id, input.audienceId, ctx.actor)),

  addMembers: workspaceProcedure("audiences.manage")
    .input(ZAudienceId.extend({ profiles: ZProfileRefs }))
    .mutation(({ ctx, input }) => changeListMembers(ctx.workspace.id, input.audienceId, input.profiles, "add", ctx.actor)),

  removeMembers: workspaceProcedure("audiences.manage")
    .input(ZAudienceId.extend({ profiles: ZProfileRefs }))
    .mutation(({ ctx, input }) => changeListMembers(ctx.workspace.id, input.audienceId, input.profiles, "remove", ctx.actor)),
});
