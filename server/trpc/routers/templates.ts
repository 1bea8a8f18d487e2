import { z } from "zod";
import { createTemplate, deleteTemplate, updateTemplate, ZNewTemplate, ZTemplateInput } from "@/server/templates/manage-templates";
import { previewTemplate, ZPreviewInput } from "@/server/templates/preview-template";
import { getTemplate, listTemplates } from "@/server/templates/query-templates";
import { sendTest, ZSendTestInput } from "@/server/templates/send-test";
import { ZTemplateKind } from "@/server/templates/validate-content";
import { router, workspaceProcedure } from "../init";

const ZTemplateId = z.object({ templateId: z.uuid("templateId must be a UUID") });

export const templatesRouter = router({
  list: workspaceProcedure("templates.read")
    .input(z.object({ kind: ZTemplateKind.optional() }))
    .query(({ ctx, input }) => listTemplates(ctx.workspace.id, input.kind)),

  get: workspaceProcedure("templates.read").input(ZTemplateId).query(({ ctx, input }) => getTemplate(ctx.workspace.id, input.templateId)),

  create: workspaceProcedure("templates.manage")
    .input(z.object({ template: ZNewTemplate }))
    .mutation(({ ctx, input }) => createTemplate(ctx.workspace.id, input.template, ctx.actor)),

  update: workspaceProcedure("templates.manage")
    .input(ZTemplateId.extend({ template: ZTemplateInput }))
    .mutation(({ ctx, input }) => updateTemplate(ctx.workspace.id, input.templateId, input.template, ctx.actor)),

  delete: workspaceProcedure("templates.manage").input(ZTemplateId).mutation(({ ctx, input }) => deleteTemplate(ctx.workspace.id, input.templateId, ctx.actor)),

  preview: workspaceProcedure("templates.read")
    .input(ZPreviewInput)
    .query(({ ctx, input }) => {
      const { workspaceId: _ignored, ...rest } = input;
      return previewTemplate(ctx.workspace.id, rest);
    }),

  sendTest: workspaceProcedure("messages.send")
    .input(ZSendTestInput)
    .mutation(({ ctx, input }) => {
      const { workspaceId: _ignored, ...rest } = input;
      return sendTest(ctx.workspace.id, rest, { email: ctx.user.email }, ctx.actor);
    }),
});
