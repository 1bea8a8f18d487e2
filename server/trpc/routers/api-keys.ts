import { z } from "zod";
import { createApiKey, listApiKeys, revokeApiKey, ZCreateApiKey } from "@/server/api-keys/manage-api-keys";
import { router, workspaceProcedure } from "../init";

export const apiKeysRouter = router({
  list: workspaceProcedure("apiKeys.read").query(({ ctx }) => listApiKeys(ctx.workspace.id)),

  create: workspaceProcedure("apiKeys.manage")
    .input(ZCreateApiKey)
    .mutation(({ ctx, input }) => createApiKey(ctx.workspace.id, input, ctx.actor)),

  revoke: workspaceProcedure("apiKeys.manage")
    .input(z.object({ keyId: z.uuid() }))
    .mutation(({ ctx, input }) => revokeApiKey(ctx.workspace.id, input.keyId, ctx.actor)),
});
