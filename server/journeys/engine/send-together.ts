import { retryableError } from "@/plugins/sdk";
import { sendMessages } from "@/server/messaging/send-messages";
import type { TNodeData } from "../graph/nodes";
import { triggerOf, type TScope } from "./advance-together";
import { journeyMessageKey } from "./conditions";
import type { TAt } from "./trace-together";

/** Profiles sent together: one claim, one policy read, one history write (as campaign groups). */
const GROUP = 500;

/**
 * A message step for a page of profiles through the batched sending pipeline, each keyed by
 * enrollment and node as a run's own step would be: a retried page sends nothing twice. A
 * retryable provider error, or a message in another worker's hands, is thrown for the step
 * to retry once what was sent is stored. A deferred message's move says until when: its
 * profile waits at the step (advance-together.ts hands it to its own run).
 */
export async function sendTogether(scope: TScope, nodeId: string, data: TNodeData<"message">, ats: TAt[]) {
  const moves = [];
  for (let i = 0; i < ats.length; i += GROUP) {
    const group = ats.slice(i, i + GROUP);
    const result = await sendMessages({
      workspaceId: scope.workspaceId,
      kind: data.kind,
      configurationId: data.configurationId ?? null,
      content: data.content,
      cacheKey: `journey:${scope.versionId}:${nodeId}`,
      source: { type: "journey", id: scope.journeyId, stepId: nodeId },
      capExempt: Boolean(data.capExempt),
      topicId: data.topicId ?? null,
      targets: group.map((at) => ({ profileId: at.profileId, idempotencyKey: journeyMessageKey(at.enrollmentId, nodeId), event: triggerOf(scope, at.profileId) })),
    });
    if (result.retryable) throw result.retryable;
    for (const [n, at] of group.entries()) {
      const sent = result.outcomes[n];
      if (!sent) throw retryableError("A message of this step is being sent by another worker", "in_progress");
      const deferredUntil = sent.status === "deferred" ? (sent.deferredUntil?.toISOString() ?? null) : null;
      moves.push({ at, handle: "next", outcome: sent.status, detail: { messageId: sent.messageId, ...(sent.error ? { error: sent.error } : {}) }, deferredUntil });
    }
  }
  return moves;
}
