import { z, ZodError } from "zod";
import { triggerCampaign } from "@/server/api-campaigns/trigger-campaign";
import { ZTriggerBody, ZTriggerResponse } from "@/server/api-campaigns/trigger-schema";
import { AppError } from "@/server/errors";
import { ZJsonObject } from "./common-schemas";

export const ZTriggerBatchBody = z.object({
  recipients: z
    .array(
      z.object({
        recipient: ZTriggerBody.shape.recipient,
        context: ZJsonObject.optional().describe("Merged over the shared `context`"),
        idempotencyKey: z.string().min(1).max(255).optional().describe("Makes this recipient's retry safe, as the Idempotency-Key header does for one trigger"),
      }),
    )
    .min(1, "Give at least one recipient")
    .max(1000, "At most 1,000 recipients per call"),
  context: ZTriggerBody.shape.context.describe("Context shared by every recipient"),
});

const ZItemError = z.object({ code: z.string(), message: z.string(), path: z.string().optional() });
export const ZTriggerBatchResponse = z.object({
  results: z.array(z.union([ZTriggerResponse.extend({ index: z.number().int() }), z.object({ index: z.number().int(), error: ZItemError })])),
  accepted: z.number().int().describe("Recipients with a message"),
  failed: z.number().int().describe("Recipients refused, each with its error"),
});

type TResult = z.input<typeof ZTriggerBatchResponse>["results"][number];

/** Triggers every recipient (grouped by triggerCampaign as concurrent triggers are) and reports each one's outcome in order. */
export async function settleTriggers(workspaceId: string, campaignId: string, body: z.output<typeof ZTriggerBatchBody>) {
  const settled = await Promise.allSettled(
    body.recipients.map((r) => triggerCampaign(workspaceId, campaignId, { recipient: r.recipient, context: { ...body.context, ...r.context } }, r.idempotencyKey ?? null)),
  );
  const results: TResult[] = settled.map((s, index) => {
    if (s.status === "fulfilled") return { index, ...(s.value.body as z.input<typeof ZTriggerResponse>) };
    return { index, error: itemError(s.reason, index) };
  });
  // The campaign itself refused (unknown, scheduled, inactive): one answer for the call, not a thousand.
  const first = settled[0];
  if (first?.status === "rejected" && first.reason instanceof AppError && (first.reason.code === "NOT_FOUND" || first.reason.field === "id")) throw first.reason;
  const failed = results.filter((r) => "error" in r).length;
  return { results, accepted: results.length - failed, failed };
}

function itemError(error: unknown, index: number) {
  if (error instanceof AppError) return { code: error.code, message: error.message, ...(error.field ? { path: `recipients.${index}.${error.field}` } : {}) };
  if (error instanceof ZodError) return { code: "BAD_REQUEST", message: error.issues[0]?.message ?? "Invalid recipient", path: `recipients.${index}.${error.issues[0]?.path.join(".")}` };
  throw error;
}
