import { z } from "zod";
import { brandKit, updateBrandKit } from "@/server/email-design/brand-kit";
import { createSavedBlock, deleteSavedBlock, listSavedBlocks, ZSavedBlockInput } from "@/server/email-design/saved-blocks";
import { router, workspaceProcedure } from "../init";

/** The email editor's workspace-wide pieces: the brand kit and the saved blocks. */
export const emailDesignRouter = router({
  brand: workspaceProcedure("templates.read").query(({ ctx }) => brandKit(ctx.workspace.id)),

  updateBrand: workspaceProcedure("templates.manage")
    .input(z.object({ brand: z.record(z.string(), z.unknown(), { error: "brand must be an object" }) }))
    .mutation(({ ctx, input }) => updateBrandKit(ctx.workspace.id, input.brand, ctx.actor)),

  blocks: workspaceProcedure("templates.read").query(({ ctx }) => listSavedBlocks(ctx.workspace.id)),

  saveBlock: workspaceProcedure("templates.manage")
    .input(z.object({ block: ZSavedBlockInput }))
    .mutation(({ ctx, input }) => createSavedBlock(ctx.workspace.id, input.block, ctx.actor)),

  deleteBlock: workspaceProcedure("templates.manage")
    .input(z.object({ blockId: z.uuid("blockId must be a UUID") }))
    .mutation(({ ctx, input }) => deleteSavedBlock(ctx.workspace.id, input.blockId, ctx.actor)),
});
