import { isOperator } from "@/server/auth/operators";
import { indexAttribute, listIndexedAttributes, unindexAttribute, ZIndexedAttribute } from "@/server/audiences/indexed-attributes/manage-indexed-attributes";
import { operatorProcedure, router, workspaceProcedure } from "../init";

// The typed columns and indexes live on the profiles table that every workspace shares:
// members see them, only instance operators change them.
export const indexedAttributesRouter = router({
  list: workspaceProcedure("profiles.read").query(async ({ ctx }) => ({ ...(await listIndexedAttributes(ctx.workspace.id)), canManage: isOperator(ctx.user) })),

  index: operatorProcedure.input(ZIndexedAttribute).mutation(({ ctx, input }) => indexAttribute(input, ctx.actor)),

  unindex: operatorProcedure.input(ZIndexedAttribute).mutation(({ ctx, input }) => unindexAttribute(input, ctx.actor)),
});
