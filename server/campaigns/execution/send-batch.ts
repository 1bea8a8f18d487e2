import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { campaignExecutions, campaigns } from "@/db/schema";
import { sendMessages, type TSendOutcome } from "@/server/messaging/send-messages";
import { processStopping } from "@/server/workflows/process-stopping";
import type { TDeferredTarget } from "../deferred/deferred-source";
import { publishDeferred } from "../deferred/publish-deferred";

/** Recipients sent together (one claim, one policy read, one history write); the status is checked before each group. */
const GROUP = 500;
/** Groups in flight at once. */
const IN_FLIGHT = 4;

/** waitUntil: some messages are still another worker's (a crashed one's) until then; run the batch again at that time. */
export type TBatchResult = { done: boolean; status: string; processed: number; ms: number; waitUntil?: string };

async function statusOf(executionId: string): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ status: campaignExecutions.status }).from(campaignExecutions).where(eq(campaignExecutions.id, executionId));
  return row?.status ?? "stopped";
}

/**
 * Sends the recipients at positions (from, to] of an execution in groups of 500 through the
 * batched pipeline (sendMessages), 4 groups in flight. Each message is keyed by execution and
 * profile, so a retried or re-run batch never sends twice. Stops early (done: false) when the
 * execution is no longer sending (the groups in flight finish). A retryable provider error is
 * thrown once its group is stored (the step retries); messages a dead worker left under its
 * lease make the batch end with `waitUntil`. `processed` only moves over groups all sent.
 */
export async function sendBatch(executionId: string, from: number, to: number): Promise<TBatchResult> {
  const started = Date.now();
  const db = await getDb();
  const [campaign] = await db
    .select({ id: campaigns.id, workspaceId: campaigns.workspaceId, kind: campaigns.kind, configurationId: campaigns.configurationId, content: campaigns.content, version: campaigns.version, capExempt: campaigns.capExempt, topicId: campaigns.topicId })
    .from(campaignExecutions)
    .innerJoin(campaigns, eq(campaigns.id, campaignExecutions.campaignId))
    .where(eq(campaignExecutions.id, executionId));
  if (!campaign) return { done: false, status: "stopped", processed: from, ms: 0 };
  // Raw rows: up to 20,000 a batch, which drizzle would map one by one.
  const recipients = rowsOf<{ position: number; profileId: string }>(
    await db.execute(sql`select position, profile_id as "profileId" from campaign_recipients
      where execution_id = ${executionId} and position > ${from} and position <= ${to} order by position`),
  );
  const groups = Array.from({ length: Math.ceil(recipients.length / GROUP) }, (_, g) => recipients.slice(g * GROUP, (g + 1) * GROUP));
  const sent = groups.map(() => false);
  let next = 0;
  let contiguous = 0; // groups sent from the start of the batch: the progress
  let heldUntil = 0;
  let stopped: string | null = null;
  let failure: unknown = null;
  const deferred: { until: Date; target: TDeferredTarget }[] = [];
  const processed = () => (contiguous ? groups[contiguous - 1]!.at(-1)!.position : from);
  // A few groups in flight: PostgreSQL writes one group while this process renders the next.
  const worker = async () => {
    for (let g = next++; g < groups.length && !stopped && !failure; g = next++) {
      const status = processStopping() ? "handed-back" : await statusOf(executionId);
      if (status !== "sending") {
        stopped = status;
        return;
      }
      const result = await sendMessages({
        workspaceId: campaign.workspaceId,
        kind: campaign.kind,
        configurationId: campaign.configurationId,
        content: campaign.content,
        cacheKey: `campaign:${campaign.id}:${campaign.version}`,
        source: { type: "campaign", id: executionId, stepId: "send" },
        capExempt: campaign.capExempt,
        topicId: campaign.topicId,
        targets: groups[g]!.map((r) => ({ profileId: r.profileId })),
      }).catch((error: unknown) => ({ error }));
      if ("error" in result) failure ??= result.error;
      else {
        deferredOf(result.outcomes, groups[g]!, deferred);
        if (result.retryable) failure ??= result.retryable;
        else if (result.heldUntil) heldUntil = Math.max(heldUntil, result.heldUntil.getTime());
        else sent[g] = true;
      }
      if (!sent[contiguous]) continue;
      while (sent[contiguous]) contiguous++;
      await db.update(campaignExecutions).set({ processed: sql`greatest(${campaignExecutions.processed}, ${processed()})` }).where(eq(campaignExecutions.id, executionId));
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, groups.length) }, worker));
  // Sent when due by messages.deferred (a retried batch finds them deferred and names the same groups).
  await publishDeferred(campaign.workspaceId, { type: "execution", executionId }, deferred);
  // A retryable provider error: the step retries (what was sent is found by its key).
  if (failure) throw failure;
  // The process is stopping: what was sent is kept, the run goes on elsewhere from there.
  if (stopped === "handed-back") return { done: false, status: "sending", processed: processed(), ms: Date.now() - started };
  if (stopped) return { done: false, status: stopped, processed: processed(), ms: Date.now() - started };
  if (heldUntil) return { done: false, status: "sending", processed: processed(), ms: Date.now() - started, waitUntil: new Date(heldUntil).toISOString() };
  return { done: true, status: "sending", processed: to, ms: Date.now() - started };
}

function deferredOf(outcomes: (TSendOutcome | null)[], group: { profileId: string }[], into: { until: Date; target: TDeferredTarget }[]) {
  outcomes.forEach((o, n) => {
    if (o?.status === "deferred" && o.deferredUntil) into.push({ until: o.deferredUntil, target: { p: group[n]!.profileId } });
  });
}
