import { groupCalls } from "@/server/batching/group-calls";
import { checkIdempotencyKey, requestHashOf, type TStoredAnswer } from "./idempotency";
import { runTriggerGroup, type TTriggerItem } from "./trigger-group";
import { ZTriggerBody } from "./trigger-schema";

const grouped = groupCalls<TTriggerItem, TStoredAnswer>({
  // Groups of one campaign in flight at once (the bench turns grouping off with a large value).
  inFlight: () => Math.max(1, Number(process.env.PARCOURS_SEND_LANES ?? 2)),
  max: 200,
  // Two requests with one Idempotency-Key never share a group: the second replays the first.
  distinctKey: (item) => item.keyed?.key,
  run: (lane, items) => {
    const [workspaceId, campaignId] = lane.split("\u0000") as [string, string];
    return runTriggerGroup(workspaceId, campaignId, items);
  },
});

/**
 * One message of an API-triggered campaign to one recipient (created when unknown), with
 * the request's context. Sent at once; a retryable provider failure is handed to the
 * message-retry workflow, which keeps the same idempotency key. 202 { messageId, status }.
 * Concurrent triggers of one campaign are answered by one group (trigger-group.ts): a few
 * statements for all of them, each request still getting its own answer or error.
 */
export async function triggerCampaign(workspaceId: string, campaignId: string, rawBody: unknown, idempotencyKey: string | null): Promise<TStoredAnswer> {
  const body = ZTriggerBody.parse(rawBody);
  checkIdempotencyKey(idempotencyKey);
  const keyed = idempotencyKey ? { key: idempotencyKey, scope: `campaign-trigger:${campaignId}`, requestHash: requestHashOf(body) } : null;
  return grouped(`${workspaceId}\u0000${campaignId}`, { body, keyed });
}
