import { retryableError } from "@/plugins/sdk";
import { groupCalls, type TSettled } from "@/server/batching/group-calls";
import { messageKeyOf, sendMessages, type TSendOutcome, type TSendShared, type TSendTarget } from "./send-messages";

export interface TSendRequest extends TSendShared, TSendTarget {}

/**
 * Messages that can share one send: same workspace, channel, configuration, content version
 * (cacheKey), source and policy. Only the recipient, step, context and event differ. Without a
 * cacheKey (content not versioned) or with a fixed clock, a message goes alone.
 */
function laneOf(r: TSendRequest): string | null {
  if (!r.cacheKey || r.now) return null;
  return JSON.stringify([r.workspaceId, r.kind, r.configurationId ?? null, r.cacheKey, r.source.type, r.source.id ?? null, Boolean(r.transactional), Boolean(r.capExempt), r.topicId ?? null, Boolean(r.isTest)]);
}

const keyOf = (r: TSendRequest) => messageKeyOf(r.source, r);

/** Its outcome, or the error its caller gets: retryable (queued again) or held by another worker. */
function settledOf(outcome: TSendOutcome | null | undefined, retryable: Error | null | undefined): TSettled<TSendOutcome> {
  if (retryable) return { error: retryable };
  if (!outcome) return { error: retryableError("This message is being sent by another worker", "in_progress") };
  return { value: outcome };
}

const grouped = groupCalls<TSendRequest, TSendOutcome>({
  // Sends of one lane in flight at once (read each time: the bench turns grouping off with a large value).
  inFlight: () => Math.max(1, Number(process.env.PARCOURS_SEND_LANES ?? 2)),
  max: 200,
  distinctKey: keyOf,
  async run(_lane, requests) {
    const { profileId: _p, idempotencyKey: _k, stepId: _s, context: _c, event: _e, to: _t, ...shared } = requests[0]!;
    const targets = requests.map((r): TSendTarget => ({ profileId: r.profileId, idempotencyKey: r.idempotencyKey, stepId: r.source.stepId ?? null, context: r.context, event: r.event, to: r.to }));
    const result = await sendMessages({ ...shared, source: { ...shared.source, stepId: null }, targets });
    return requests.map((_, n) => settledOf(result.outcomes[n], result.retryables[n]));
  },
});

/**
 * Group send: concurrent messages of one lane go through one `sendMessages` (one claim, one
 * recipients read, one policy read, one history write for the group) while two sends of the
 * lane are in flight; idle, a message goes at once. Each caller gets its own outcome or error;
 * a group that fails (its claims given back) is sent again one message at a time.
 */
export function sendTogether(request: TSendRequest): Promise<TSendOutcome> {
  const lane = laneOf(request);
  return lane ? grouped(lane, request) : sendAlone(request);
}

/** One message through the pipeline by itself. */
export async function sendAlone(request: TSendRequest): Promise<TSendOutcome> {
  const { profileId, idempotencyKey, context, event, to, ...shared } = request;
  const result = await sendMessages({ ...shared, targets: [{ profileId, idempotencyKey, context, event, to }] });
  const settled = settledOf(result.outcomes[0], result.retryables[0]);
  if ("error" in settled) throw settled.error;
  return settled.value;
}
