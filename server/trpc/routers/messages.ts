import { z } from "zod";
import { getMessage, listMessages, ZMessageFilter } from "@/server/messaging/list-messages";
import { addSuppression, listSuppressions, removeSuppression, ZSuppression } from "@/server/messaging/manage-suppressions";
import { router, workspaceProcedure } from "../init";

export const messagesRouter = router({
  list: workspaceProcedure("messages.read")
    .input(ZMessageFilter.partial())
    .query(({ ctx, input }) => {
      const { workspaceId: _w, ...filter } = input;
      return listMessages(ctx.workspace.id, filter);
    }),

  get: workspaceProcedure("messages.read")
    .input(z.object({ messageId: z.uuid("messageId must be a UUID") }))
    .query(({ ctx, input }) => getMessage(ctx.workspace.id, input.messageId)),

  suppressions: workspaceProcedure("messages.read")
    .input(z.object({ search: z.string().trim().max(200).optional() }))
    .query(({ ctx, input }) => listSuppressions(ctx.workspace.id, input.search)),

  addSuppression: workspaceProcedure("suppressions.manage")
    .input(z.object({ suppression: ZSuppression }))
    .mutation(({ ctx, input }) => addSuppression(ctx.workspace.id, input.suppression, ctx.actor)),

  removeSuppression: workspaceProcedure("suppressions.manage")
    .input(z.object({ channel: z.string().min(1).max(40), address: z.string().min(1).max(320) }))
    .mutation(({ ctx, input }) => removeSuppression(ctx.workspace.id, input.channel, input.address, ctx.actor)),
});
