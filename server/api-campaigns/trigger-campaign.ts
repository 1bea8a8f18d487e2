import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, messages } from "@/db/schema";
import { AppError, notFound } from "@/server/errors";
import { sendMessage } from "@/server/messaging/send-message";
import { inngest } from "@/server/workflows/client";
import { messageRetryRequested } from "@/server/workflows/events";
import { withIdempotencyKey, type TStoredAnswer } from "./idempotency";
import { requiredContextFieldsOf } from "./required-context";
import { triggerRecipient } from "./trigger-recipient";
import { ZTriggerBody } from "./trigger-schema";

/**
 * One message of an API-triggered campaign to one recipient (created when unknown), with
 * the request's context. Sent at once; a retryable provider failure is handed to the
 * message-retry workflow, which keeps the same idempotency key. 202 { messageId, status }.
 */
export async function triggerCampaign(workspaceId: string, campaignId: string, rawBody: unknown, idempotencyKey: string | null): Promise<TStoredAnswer> {
  const body = ZTriggerBody.parse(rawBody);
  const db = await getDb();
  const [campaign] = await db.select().from(campaigns).where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)));
  if (!campaign) throw notFound("Campaign");
  if (campaign.type !== "api") throw new AppError("BAD_REQUEST", "This campaign is scheduled; only API-triggered campaigns can be triggered", "id");
  if (campaign.status !== "active") throw new AppError("CONFLICT", `The campaign is ${campaign.status.replace("_", " ")}; activate it first`, "id");
  const missing = requiredContextFieldsOf(campaign).find((field) => body.context[field] === undefined || body.context[field] === null);
  if (missing) throw new AppError("BAD_REQUEST", `context.${missing} is required by the campaign's content`, `context.${missing}`);

  return withIdempotencyKey(workspaceId, idempotencyKey, `campaign-trigger:${campaignId}`, body, async () => {
    const profileId = await triggerRecipient(db, workspaceId, body.recipient);
    const transactional = campaign.apiMode === "transactional";
    const request = {
      workspaceId,
      kind: campaign.kind,
      profileId,
      configurationId: campaign.configurationId,
      content: campaign.content,
      cacheKey: `campaign:${campaign.id}:${campaign.version}`,
      source: { type: transactional ? ("transactional" as const) : ("campaign" as const), id: campaign.id, stepId: idempotencyKey ?? crypto.randomUUID() },
      context: body.context,
      transactional,
      to: transactional ? { ...(body.recipient.email ? { email: body.recipient.email.toLowerCase() } : {}), ...(body.recipient.phone ? { phone: body.recipient.phone } : {}) } : undefined,
    };
    try {
      const outcome = await sendMessage(request);
      return { status: 202, body: { messageId: outcome.messageId, status: outcome.status } };
    } catch (error) {
      if (!(error as { retryable?: boolean }).retryable) throw error;
      const messageId = await queuedMessageId(workspaceId, request.source);
      await inngest.send(messageRetryRequested.create({ workspaceId, request: JSON.parse(JSON.stringify(request)) }));
      return { status: 202, body: { messageId, status: "queued" } };
    }
  });
}

async function queuedMessageId(workspaceId: string, source: { type: string; id: string; stepId: string }): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ id: messages.id }).from(messages).where(and(eq(messages.workspaceId, workspaceId), eq(messages.sourceId, source.id), eq(messages.stepId, source.stepId)));
  return row!.id;
}
