import { permissionsOf } from "@/server/auth/permissions";
import { createWorkspace, ZCreateWorkspace } from "@/server/workspaces/create-workspace";
import { listWorkspacesOf } from "@/server/workspaces/list-workspaces";
import { updateWorkspace, ZUpdateWorkspace } from "@/server/workspaces/update-workspace";
import { router, signedInProcedure, workspaceProcedure } from "../init";

export const workspacesRouter = router({
  mine: signedInProcedure.query(({ ctx }) => listWorkspacesOf(ctx.user.id)),

  create: signedInProcedure
    .input(ZCreateWorkspace)
    .mutation(({ ctx, input }) => createWorkspace(input, { userId: ctx.user.id, actor: ctx.actor })),

  get: workspaceProcedure("workspace.read").query(({ ctx }) => ({
    ...ctx.workspace,
    role: ctx.role,
    permissions: permissionsOf(ctx.role),
  })),

  update: workspaceProcedure("workspace.update")
    .input(ZUpdateWorkspace)
    .mutation(({ ctx, input }) => updateWorkspace(ctx.workspace.id, input, ctx.actor)),
});
