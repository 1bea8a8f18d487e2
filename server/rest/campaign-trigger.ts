import { z } from "zod";
import { triggerCampaign } from "@/server/api-campaigns/trigger-campaign";
import { ZTriggerBody, ZTriggerResponse } from "@/server/api-campaigns/trigger-schema";
import { BODY_LIMITS } from "@/server/http/body-limits";
import { ZIdParams } from "./common-schemas";
import { uuidOr404 } from "./not-found";
import { defineOperation } from "./operation";
import { settleTriggers, ZTriggerBatchBody, ZTriggerBatchResponse } from "./trigger-batch";

export const triggerCampaignOp = defineOperation({
  method: "POST",
  path: "/api/v1/campaigns/{id}/trigger",
  tag: "Campaigns",
  summary: "Send an API-triggered campaign to one recipient",
  description:
    "Unknown recipients are created. Every `context` field the content uses is required (400 naming `context.<field>`), unless the content gives it a `default`. Send an `Idempotency-Key` header to make retries safe: the same key and body get the same answer and one message. A marketing message deferred by quiet hours or a frequency cap answers `status: \"deferred\"` with `deferredUntil`.",
  keys: ["secret"],
  params: ZIdParams,
  body: ZTriggerBody,
  bodyLimit: BODY_LIMITS.trigger,
  bodyName: "TriggerBody",
  responseName: "TriggerResponse",
  response: ZTriggerResponse,
  status: 202,
  errors: [400, 404, 409, 413],
  example: { messageId: "0193f0c2-5a1e-7c3b-9a4e-2f1d3c4b5a69", status: "sent" },
  bodyExample: { recipient: { email: "ada@example.com", attributes: { firstName: "Ada" } }, context: { orderId: "o-1042" } },
  handler: async ({ workspace, params, body, req }) =>
    (await triggerCampaign(workspace.id, uuidOr404(params.id, "Campaign"), body, req.headers.get("idempotency-key"))).body as z.input<typeof ZTriggerResponse>,
});

export const triggerCampaignBatchOp = defineOperation({
  method: "POST",
  path: "/api/v1/campaigns/{id}/trigger/batch",
  tag: "Campaigns",
  summary: "Send an API-triggered campaign to up to 1,000 recipients",
  description:
    "Each recipient is triggered as by `POST /campaigns/{id}/trigger`, with the shared `context` under its own. The whole body is validated first (400 naming `recipients.<i>.<field>`, nothing sent); then each recipient gets its own result, in order: `{ index, messageId, status }` or `{ index, error }` (a missing context field, an `idempotencyKey` reused for another request). An unknown or inactive campaign refuses the whole call (404, 409).",
  keys: ["secret"],
  params: ZIdParams,
  body: ZTriggerBatchBody,
  bodyLimit: BODY_LIMITS.triggerBatch,
  bodyName: "TriggerBatchBody",
  responseName: "TriggerBatchResponse",
  response: ZTriggerBatchResponse,
  status: 202,
  errors: [400, 404, 409, 413],
  bodyExample: { recipients: [{ recipient: { externalId: "42" }, context: { orderId: "o-1042" } }, { recipient: { email: "grace@example.com" }, idempotencyKey: "order-1043" }], context: { store: "Lagos" } },
  example: { results: [{ index: 0, messageId: "0193f0c2-5a1e-7c3b-9a4e-2f1d3c4b5a69", status: "sent" }, { index: 1, error: { code: "BAD_REQUEST", message: "context.orderId is required by the campaign's content", path: "recipients.1.context.orderId" } }], accepted: 1, failed: 1 },
  handler: async ({ workspace, params, body }) => settleTriggers(workspace.id, uuidOr404(params.id, "Campaign"), body),
});
