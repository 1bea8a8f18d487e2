import { z } from "zod";
import { createDefinition, deleteDefinition, listDefinitions, recentMatches, updateDefinition, ZEventDefinition } from "@/server/events/manage-definitions";
import { notFound } from "@/server/errors";
import { router, workspaceProcedure } from "../init";

const ZId = z.object({ definitionId: z.uuid("definitionId must be a UUID") });

export const eventsRouter = router({
  definitions: workspaceProcedure("events.read").query(({ ctx }) => listDefinitions(ctx.workspace.id)),

  recentMatches: workspaceProcedure("events.read").input(ZId).query(async ({ ctx, input }) => {
    const all = await listDefinitions(ctx.workspace.id);
    if (!all.some((d) => d.definition.id === input.definitionId)) throw notFound("Event definition");
    return recentMatches(ctx.workspace.id, input.definitionId);
  }),

  create: workspaceProcedure("events.manage").input(ZEventDefinition).mutation(({ ctx, input }) => {
    const { workspaceId: _ignored, ...definition } = input;
    return createDefinition(ctx.workspace.id, definition, ctx.actor);
  }),

  update: workspaceProcedure("events.manage")
    .input(ZEventDefinition.extend(ZId.shape))
    .mutation(({ ctx, input }) => {
      const { workspaceId: _w, definitionId, ...definition } = input;
      return updateDefinition(ctx.workspace.id, definitionId, definition, ctx.actor);
    }),

  delete: workspaceProcedure("events.manage").input(ZId).mutation(({ ctx, input }) => deleteDefinition(ctx.workspace.id, input.definitionId, ctx.actor)),
});
