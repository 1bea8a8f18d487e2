import { describeActivity } from "@/server/audit/describe-activity";
import { auditFacets, listAudit, ZAuditFilter } from "@/server/audit/list-audit";
import { router, workspaceProcedure } from "../init";

export const auditRouter = router({
  list: workspaceProcedure("audit.read")
    .input(ZAuditFilter.partial())
    .query(async ({ ctx, input }) => {
      const { workspaceId: _ignored, ...filter } = input;
      const page = await listAudit(ctx.workspace.id, filter);
      const said = await describeActivity(ctx.workspace.id, page.entries, ctx.workspace.slug);
      return { ...page, entries: page.entries.map((e, i) => ({ ...e, actorName: said[i]!.actor, sentence: said[i]!.text, link: said[i]!.link })) };
    }),

  facets: workspaceProcedure("audit.read").query(({ ctx }) => auditFacets(ctx.workspace.id)),
});
