import { z } from "zod";
import { acceptInvite, describeInvite } from "@/server/members/accept-invite";
import { changeMemberRole, removeMember, ZChangeRole } from "@/server/members/change-member";
import { inviteMember, revokeInvite, ZInvite } from "@/server/members/invite-member";
import { listMembers, listPendingInvites } from "@/server/members/list-members";
import { publicProcedure, router, signedInProcedure, workspaceProcedure } from "../init";

const ZToken = z.object({ token: z.string().min(1).max(500) });

export const membersRouter = router({
  list: workspaceProcedure("members.read").query(async ({ ctx }) => ({
    members: await listMembers(ctx.workspace.id),
    invites: await listPendingInvites(ctx.workspace.id),
  })),

  invite: workspaceProcedure("members.manage")
    .input(ZInvite)
    .mutation(({ ctx, input }) => inviteMember(ctx.workspace.id, input, ctx.actor)),

  revokeInvite: workspaceProcedure("members.manage")
    .input(z.object({ inviteId: z.uuid() }))
    .mutation(({ ctx, input }) => revokeInvite(ctx.workspace.id, input.inviteId, ctx.actor)),

  changeRole: workspaceProcedure("members.manage")
    .input(ZChangeRole)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.workspace.id, input.memberId, input.role, ctx.actor)),

  remove: workspaceProcedure("members.manage")
    .input(z.object({ memberId: z.uuid() }))
    .mutation(({ ctx, input }) => removeMember(ctx.workspace.id, input.memberId, ctx.actor)),

  describeInvite: publicProcedure.input(ZToken).query(({ input }) => describeInvite(input.token)),

  acceptInvite: signedInProcedure.input(ZToken).mutation(({ ctx, input }) => acceptInvite(input.token, ctx.user)),
});
