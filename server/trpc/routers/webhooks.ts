import { z } from "zod";
import { getRateLimit, setRateLimit, ZRateLimit } from "@/server/api-keys/rate-limit-settings";
import { listDeliveries, replayDelivery, sendTestEvent } from "@/server/webhooks/delivery-log";
import { createEndpoint, deleteEndpoint, listEndpoints, revealSecret, rotateSecret, updateEndpoint, ZEndpointFields, ZEndpointId, ZUpdateEndpoint } from "@/server/webhooks/manage-endpoints";
import { router, workspaceProcedure } from "../init";

/** Settings -> Webhooks: outgoing endpoints, their delivery log, and the REST API's per-key rate limit. Admins only. */
export const webhooksRouter = router({
  list: workspaceProcedure("webhooks.read").query(({ ctx }) => listEndpoints(ctx.workspace.id)),
  create: workspaceProcedure("webhooks.manage")
    .input(ZEndpointFields)
    .mutation(({ ctx, input }) => createEndpoint(ctx.workspace.id, input, ctx.actor)),
  update: workspaceProcedure("webhooks.manage")
    .input(ZUpdateEndpoint)
    .mutation(({ ctx, input }) => updateEndpoint(ctx.workspace.id, input, ctx.actor)),
  remove: workspaceProcedure("webhooks.manage")
    .input(ZEndpointId)
    .mutation(({ ctx, input }) => deleteEndpoint(ctx.workspace.id, input.endpointId, ctx.actor)),
  rotateSecret: workspaceProcedure("webhooks.manage")
    .input(ZEndpointId)
    .mutation(({ ctx, input }) => rotateSecret(ctx.workspace.id, input.endpointId, ctx.actor)),
  revealSecret: workspaceProcedure("webhooks.manage")
    .input(ZEndpointId)
    .mutation(({ ctx, input }) => revealSecret(ctx.workspace.id, input.endpointId, ctx.actor)),
  deliveries: workspaceProcedure("webhooks.read")
    .input(ZEndpointId)
    .query(({ ctx, input }) => listDeliveries(ctx.workspace.id, input.endpointId)),
  replay: workspaceProcedure("webhooks.manage")
    .input(z.object({ deliveryId: z.uuid() }))
    .mutation(({ ctx, input }) => replayDelivery(ctx.workspace.id, input.deliveryId, ctx.actor)),
  sendTest: workspaceProcedure("webhooks.manage")
    .input(ZEndpointId)
    .mutation(({ ctx, input }) => sendTestEvent(ctx.workspace.id, input.endpointId, ctx.actor)),
  rateLimit: workspaceProcedure("apiKeys.read").query(({ ctx }) => getRateLimit(ctx.workspace.id)),
  setRateLimit: workspaceProcedure("apiKeys.manage")
    .input(ZRateLimit)
    .mutation(({ ctx, input }) => setRateLimit(ctx.workspace.id, input, ctx.actor)),
});
