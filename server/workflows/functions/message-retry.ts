import { sendMessage, type TSendRequest } from "@/server/messaging/send-message";
import { inngest } from "../client";
import { messageRetryRequested } from "../events";

/**
 * Retries a message whose first, inline send hit a retryable provider error (API triggers).
 * Same request, same idempotency key: whatever the retries, the recipient gets it once.
 */
export const messageRetry = inngest.createFunction(
  { id: "messages.retry", retries: 8, triggers: [messageRetryRequested] },
  async ({ event, step }) => {
    const request = event.data.request as unknown as TSendRequest;
    const outcome = await step.run("send", () => sendMessage(request));
    return { messageId: outcome.messageId, status: outcome.status };
  },
);
