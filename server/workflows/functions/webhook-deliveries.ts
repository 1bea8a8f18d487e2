import { drainWebhookOutbox } from "@/server/webhooks/drain-outbox";
import { inngest } from "../client";

/** Up to 20 batches of 100 deliveries a minute; a larger backlog drains over the next minutes. */
const MAX_STEPS = 20;

/**
 * The webhook outbox's drainer (server/webhooks): every minute it sends the due deliveries,
 * each a step, so a restart resumes after the batches already sent.
 */
export const webhookDeliveriesRun = inngest.createFunction(
  { id: "webhooks.deliver", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    let sent = 0;
    for (let i = 0; i < MAX_STEPS; i++) {
      const tried = await step.run(`deliver-${i}`, () => drainWebhookOutbox());
      sent += tried;
      if (tried === 0) break;
    }
    return { sent };
  },
);
