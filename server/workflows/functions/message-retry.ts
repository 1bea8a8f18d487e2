import { publishDeferred } from "@/server/campaigns/deferred/publish-deferred";
import { sendMessage, type TSendRequest } from "@/server/messaging/send-message";
import { inngest } from "../client";
import { messageRetryRequested } from "../events";

/**
 * Retries a message whose first, inline send hit a retryable provider error (API triggers).
 * Same request, same idempotency key: whatever the retries, the recipient gets it once. A
 * marketing message deferred on the way (quiet hours, a full cap) goes to messages.deferred.
 */
export const messageRetry = inngest.createFunction(
  { id: "messages.retry", retries: 8, triggers: [messageRetryRequested] },
  async ({ event, step }) => {
    const request = event.data.request as unknown as TSendRequest;
    const outcome = await step.run("send", async () => {
      const sent = await sendMessage(request);
      const until = sent.status === "deferred" && sent.deferredUntil ? new Date(sent.deferredUntil) : null;
      if (until && request.source.type === "campaign" && request.source.id && request.profileId) {
        await publishDeferred(request.workspaceId, { type: "trigger", campaignId: request.source.id }, [{ until, target: { p: request.profileId, s: request.source.stepId ?? undefined, c: request.context } }]);
      }
      return sent;
    });
    return { messageId: outcome.messageId, status: outcome.status };
  },
);
