import { auditFacets, listAudit, ZAuditFilter } from "@/server/audit/list-audit";
import { router, workspaceProcedure } from "../init";

export const auditRouter = router({
  list: workspaceProcedure("audit.read")
    .input(ZAuditFilter.partial())
    .query(({ ctx, input }) => {
      const { workspaceId: _ignored, ...filter } = input;
      return listAudit(ctx.workspace.id, filter);
    }),

  facets: workspaceProcedure("audit.read").query(({ ctx }) => auditFacets(ctx.workspace.id)),
});
