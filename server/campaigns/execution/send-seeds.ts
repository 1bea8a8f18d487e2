import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignExecutions, campaigns } from "@/db/schema";
import { sendMessages } from "@/server/messaging/send-messages";

/**
 * One copy of an execution's message to each of the campaign's seed addresses, sent before its
 * first batch. Decided: a copy is rendered with the execution's first recipient's data (what a
 * real recipient got, as Braze's seed groups do; the Dev inbox captures only messages of a
 * profile), sent to the seed's address. The copies are test messages (`is_test`: consent,
 * suppressions, caps and quiet hours are skipped, as for a test send, and caps never count
 * them) of the execution (step `seed`, keyed by address: a retried step sends none twice),
 * left out of the report and the recipients list.
 */
export async function sendSeeds(executionId: string): Promise<{ sent: number }> {
  const db = await getDb();
  const [c] = await db
    .select({ id: campaigns.id, workspaceId: campaigns.workspaceId, kind: campaigns.kind, configurationId: campaigns.configurationId, content: campaigns.content, version: campaigns.version, seeds: campaigns.seedAddresses, first: sql<string | null>`(select profile_id from campaign_recipients where execution_id = ${executionId} and position = 1)` })
    .from(campaignExecutions)
    .innerJoin(campaigns, eq(campaigns.id, campaignExecutions.campaignId))
    .where(eq(campaignExecutions.id, executionId));
  if (!c?.seeds.length || !c.first) return { sent: 0 };
  const result = await sendMessages({
    workspaceId: c.workspaceId,
    kind: c.kind,
    configurationId: c.configurationId,
    content: c.content,
    cacheKey: `campaign:${c.id}:${c.version}`,
    source: { type: "campaign", id: executionId, stepId: "seed" },
    isTest: true,
    targets: c.seeds.map((address) => ({ profileId: c.first, idempotencyKey: `campaign:${executionId}:seed:${address}`, to: c.kind === "sms" ? { phone: address } : { email: address } })),
  });
  // A provider's passing error: the step retries (copies already sent are found by their key).
  if (result.retryable) throw result.retryable;
  return { sent: result.outcomes.filter((o) => o && (o.status === "sent" || o.status === "delivered")).length };
}
