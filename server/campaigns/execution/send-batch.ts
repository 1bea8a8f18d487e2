import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignExecutions, campaignRecipients, campaigns } from "@/db/schema";
import { sendMessage } from "@/server/messaging/send-message";

/** Sends at once inside a batch; the status is checked between groups, so a stop takes effect within one. */
const PARALLEL = 8;

export type TBatchResult = { done: boolean; status: string; processed: number; ms: number };

async function statusOf(executionId: string): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ status: campaignExecutions.status }).from(campaignExecutions).where(eq(campaignExecutions.id, executionId));
  return row?.status ?? "stopped";
}

/**
 * Sends the recipients at positions (from, to] of an execution. Each send is keyed by
 * execution and profile (sendMessage's idempotency), so a retried or re-run batch never
 * sends twice. Stops early (done: false) when the execution is no longer sending.
 */
export async function sendBatch(executionId: string, from: number, to: number): Promise<TBatchResult> {
  const started = Date.now();
  const db = await getDb();
  const [campaign] = await db
    .select({ id: campaigns.id, workspaceId: campaigns.workspaceId, kind: campaigns.kind, configurationId: campaigns.configurationId, content: campaigns.content, version: campaigns.version })
    .from(campaignExecutions)
    .innerJoin(campaigns, eq(campaigns.id, campaignExecutions.campaignId))
    .where(eq(campaignExecutions.id, executionId));
  if (!campaign) return { done: false, status: "stopped", processed: from, ms: 0 };
  const recipients = await db
    .select({ position: campaignRecipients.position, profileId: campaignRecipients.profileId })
    .from(campaignRecipients)
    .where(and(eq(campaignRecipients.executionId, executionId), gt(campaignRecipients.position, from), lte(campaignRecipients.position, to)))
    .orderBy(asc(campaignRecipients.position));
  let processed = from;
  for (let i = 0; i < recipients.length; i += PARALLEL) {
    const status = await statusOf(executionId);
    if (status !== "sending") return { done: false, status, processed, ms: Date.now() - started };
    const group = recipients.slice(i, i + PARALLEL);
    await Promise.all(
      group.map((r) =>
        sendMessage({
          workspaceId: campaign.workspaceId,
          kind: campaign.kind,
          profileId: r.profileId,
          configurationId: campaign.configurationId,
          content: campaign.content,
          cacheKey: `campaign:${campaign.id}:${campaign.version}`,
          source: { type: "campaign", id: executionId, stepId: "send" },
        }),
      ),
    );
    processed = group[group.length - 1]!.position;
    await db.update(campaignExecutions).set({ processed: sql`greatest(${campaignExecutions.processed}, ${processed})` }).where(eq(campaignExecutions.id, executionId));
  }
  return { done: true, status: "sending", processed: to, ms: Date.now() - started };
}
