import { z } from "zod";
import { exportProfile, deleteProfile } from "@/server/profiles/gdpr";
import { getProfile, profileTimeline } from "@/server/profiles/get-profile";
import { markTestProfile } from "@/server/profiles/mark-test";
import { attributeKeys, listProfiles, ZListProfiles } from "@/server/profiles/list-profiles";
import { ZCursor } from "@/server/keyset-page";
import { router, workspaceProcedure } from "../init";

const ZProfileId = z.object({ profileId: z.uuid("profileId must be a UUID") });

export const profilesRouter = router({
  list: workspaceProcedure("profiles.read")
    .input(ZListProfiles.partial())
    .query(({ ctx, input }) => {
      const { workspaceId: _ignored, ...rest } = input;
      return listProfiles(ctx.workspace.id, rest);
    }),

  attributeKeys: workspaceProcedure("profiles.read").query(({ ctx }) => attributeKeys(ctx.workspace.id)),

  get: workspaceProcedure("profiles.read").input(ZProfileId).query(({ ctx, input }) => getProfile(ctx.workspace.id, input.profileId)),

  timeline: workspaceProcedure("profiles.read")
    .input(ZProfileId.extend({ cursor: ZCursor.optional() }))
    .query(({ ctx, input }) => profileTimeline(ctx.workspace.id, input.profileId, { cursor: input.cursor, limit: 30 })),

  export: workspaceProcedure("profiles.read").input(ZProfileId).query(({ ctx, input }) => exportProfile(ctx.workspace.id, input.profileId)),

  markTest: workspaceProcedure("profiles.markTest")
    .input(ZProfileId.extend({ isTest: z.boolean({ error: "isTest must be true or false" }) }))
    .mutation(({ ctx, input }) => markTestProfile(ctx.workspace.id, input.profileId, input.isTest, ctx.actor)),

  delete: workspaceProcedure("profiles.delete").input(ZProfileId).mutation(({ ctx, input }) => deleteProfile(ctx.workspace.id, input.profileId, ctx.actor)),
});
