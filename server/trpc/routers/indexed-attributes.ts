import { indexAttribute, listIndexedAttributes, unindexAttribute, ZIndexedAttribute } from "@/server/audiences/indexed-attributes/manage-indexed-attributes";
import { router, workspaceProcedure } from "../init";

export const indexedAttributesRouter = router({
  list: workspaceProcedure("profiles.read").query(({ ctx }) => listIndexedAttributes(ctx.workspace.id)),

  index: workspaceProcedure("attributes.index")
    .input(ZIndexedAttribute)
    .mutation(({ ctx, input }) => indexAttribute(ctx.workspace.id, { key: input.key, type: input.type }, ctx.actor)),

  unindex: workspaceProcedure("attributes.index")
    .input(ZIndexedAttribute)
    .mutation(({ ctx, input }) => unindexAttribute(ctx.workspace.id, { key: input.key, type: input.type }, ctx.actor)),
});
