import { z } from "zod";
import { previewImport } from "@/server/csv-import/preview-import";
import { getImport, importErrors, listImports } from "@/server/csv-import/query-imports";
import { startImport, ZStartImport } from "@/server/csv-import/start-import";
import { router, workspaceProcedure } from "../init";

// Uploads arrive through POST /api/csv-imports (a file body, streamed to disk); the rest is here.
const ZImportId = z.object({ importId: z.uuid("importId must be a UUID") });

export const csvImportsRouter = router({
  list: workspaceProcedure("audiences.read").query(({ ctx }) => listImports(ctx.workspace.id)),

  get: workspaceProcedure("audiences.read").input(ZImportId).query(({ ctx, input }) => getImport(ctx.workspace.id, input.importId)),

  errors: workspaceProcedure("audiences.read").input(ZImportId).query(({ ctx, input }) => importErrors(ctx.workspace.id, input.importId)),

  preview: workspaceProcedure("audiences.manage").input(ZImportId).query(({ ctx, input }) => previewImport(ctx.workspace.id, input.importId)),

  start: workspaceProcedure("audiences.manage")
    .input(ZStartImport)
    .mutation(async ({ ctx, input }) => {
      const { workspaceId: _ignored, ...rest } = input;
      const started = await startImport(ctx.workspace.id, rest, ctx.actor);
      return { id: started.id, audienceId: started.audienceId };
    }),
});
