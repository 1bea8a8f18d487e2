import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, messages } from "@/db/schema";
import type { TSettled } from "@/server/batching/group-calls";
import { AppError, notFound } from "@/server/errors";
import type { TSendRequest } from "@/server/messaging/send-message";
import { sendMessages } from "@/server/messaging/send-messages";
import { publishEvents } from "@/server/workflows/client";
import { messageRetryRequested } from "@/server/workflows/events";
import type { TDeferredTarget } from "@/server/campaigns/deferred/deferred-source";
import { publishDeferred } from "@/server/campaigns/deferred/publish-deferred";
import { keepAnswers, keptAnswers, type TKeyed, type TStoredAnswer } from "./idempotency";
import { requiredContextFieldsOf } from "./required-context";
import { triggerRecipients } from "./trigger-recipient";
import type { TTriggerBody } from "./trigger-schema";

export type TTriggerItem = { body: TTriggerBody; keyed: TKeyed | null };

async function activeCampaign(workspaceId: string, campaignId: string) {
  const db = await getDb();
  const [campaign] = await db.select().from(campaigns).where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)));
  if (!campaign) throw notFound("Campaign");
  if (campaign.type !== "api") throw new AppError("BAD_REQUEST", "This campaign is scheduled; only API-triggered campaigns can be triggered", "id");
  if (campaign.status !== "active") throw new AppError("CONFLICT", `The campaign is ${campaign.status.replace("_", " ")}; activate it first`, "id");
  return campaign;
}

/**
 * Answers a group of triggers of one campaign: the campaign read once, kept answers of
 * repeated Idempotency-Keys in one statement, the recipients in two (new ones one by one),
 * every message through one sendMessages, the answers kept in one statement. A request the
 * campaign's content cannot serve (a missing context field) gets its own 400.
 */
export async function runTriggerGroup(workspaceId: string, campaignId: string, items: TTriggerItem[]): Promise<TSettled<TStoredAnswer>[]> {
  const results: (TSettled<TStoredAnswer> | undefined)[] = items.map(() => undefined);
  let campaign: Awaited<ReturnType<typeof activeCampaign>>;
  try {
    campaign = await activeCampaign(workspaceId, campaignId);
  } catch (error) {
    if (error instanceof AppError) return items.map(() => ({ error }));
    throw error;
  }
  const required = requiredContextFieldsOf(campaign);
  items.forEach(({ body }, n) => {
    const missing = required.find((field) => body.context[field] === undefined || body.context[field] === null);
    if (missing) results[n] = { error: new AppError("BAD_REQUEST", `context.${missing} is required by the campaign's content`, `context.${missing}`) };
  });
  const kept = await keptAnswers(workspaceId, items.flatMap((i, n) => (i.keyed && !results[n] ? [i.keyed] : [])));
  items.forEach((i, n) => (results[n] ??= i.keyed ? kept.get(i.keyed.key) : undefined));

  const todo = items.flatMap((item, index) => (results[index] ? [] : [{ item, index }]));
  if (todo.length) {
    const db = await getDb();
    const profileIds = await triggerRecipients(db, workspaceId, todo.map((t) => t.item.body.recipient));
    const transactional = campaign.apiMode === "transactional";
    const shared = { workspaceId, kind: campaign.kind, configurationId: campaign.configurationId, content: campaign.content, cacheKey: `campaign:${campaign.id}:${campaign.version}`, transactional, capExempt: campaign.capExempt, topicId: campaign.topicId };
    const requests: TSendRequest[] = todo.map(({ item: { body, keyed } }, k) => ({
      ...shared,
      profileId: profileIds[k]!,
      source: { type: transactional ? ("transactional" as const) : ("campaign" as const), id: campaign.id, stepId: keyed?.key ?? crypto.randomUUID() },
      context: body.context,
      to: transactional ? { ...(body.recipient.email ? { email: body.recipient.email.toLowerCase() } : {}), ...(body.recipient.phone ? { phone: body.recipient.phone } : {}) } : undefined,
    }));
    const sent = await sendMessages({ ...shared, source: { type: requests[0]!.source.type, id: campaign.id, stepId: null }, targets: requests.map((r) => ({ profileId: r.profileId, stepId: r.source.stepId, context: r.context, to: r.to })) });
    const retries: TSendRequest[] = [];
    const deferred: { until: Date; target: TDeferredTarget }[] = [];
    for (const [k, { index }] of todo.entries()) {
      const outcome = sent.outcomes[k];
      if (outcome && !sent.retryables[k]) {
        const until = outcome.status === "deferred" ? outcome.deferredUntil : null;
        if (until) deferred.push({ until, target: { p: requests[k]!.profileId!, s: requests[k]!.source.stepId!, c: requests[k]!.context } });
        results[index] = { value: { status: 202, body: { messageId: outcome.messageId, status: outcome.status, ...(until ? { deferredUntil: until.toISOString() } : {}) } } };
        continue;
      }
      // Queued again (a retryable provider error) or in another worker's hands: the retry workflow takes it.
      retries.push(requests[k]!);
      results[index] = { value: { status: 202, body: { messageId: outcome?.messageId ?? (await messageIdOf(workspaceId, requests[k]!.source)), status: "queued" } } };
    }
    // A deferred marketing message is sent when due by messages.deferred (same key, same context).
    await publishDeferred(workspaceId, { type: "trigger", campaignId }, deferred);
    if (retries.length) await publishEvents(retries.map((request) => messageRetryRequested.create({ workspaceId, request: JSON.parse(JSON.stringify(request)) })));
    const answered = todo.flatMap(({ item, index }) => (item.keyed && results[index] && "value" in results[index] ? [{ ...item.keyed, answer: results[index].value }] : []));
    const final = await keepAnswers(workspaceId, answered);
    for (const { item, index } of todo) if (item.keyed && final.has(item.keyed.key)) results[index] = final.get(item.keyed.key);
  }
  return results.map((r) => r ?? { error: new Error("A trigger got no answer") });
}

async function messageIdOf(workspaceId: string, source: TSendRequest["source"]): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ id: messages.id }).from(messages).where(and(eq(messages.workspaceId, workspaceId), eq(messages.sourceId, source.id!), eq(messages.stepId, source.stepId!)));
  return row!.id;
}
