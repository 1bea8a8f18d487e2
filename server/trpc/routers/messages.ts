import { z } from "zod";
import { getMessage, listMessages, ZMessageFilter } from "@/server/messaging/list-messages";
import { withSourceNames } from "@/server/messaging/source-names";
import { addSuppression, listSuppressions, removeSuppression, ZSuppression } from "@/server/messaging/manage-suppressions";
import { router, workspaceProcedure } from "../init";

export const messagesRouter = router({
  list: workspaceProcedure("messages.read")
    .input(ZMessageFilter.partial())
    .query(async ({ ctx, input }) => {
      const { workspaceId: _w, ...filter } = input;
      const page = await listMessages(ctx.workspace.id, filter);
      return { ...page, messages: await withSourceNames(ctx.workspace.id, page.messages) };
    }),

  get: workspaceProcedure("messages.read")
    .input(z.object({ messageId: z.uuid("messageId must be a UUID") }))
    .query(async ({ ctx, input }) => (await withSourceNames(ctx.workspace.id, [await getMessage(ctx.workspace.id, input.messageId)]))[0]!),

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
