import { drainWebhookOutbox, nextDueDelivery } from "@/server/webhooks/drain-outbox";
import { inngest } from "../client";
import { webhooksQueued } from "../events";

/** Rounds of drain-then-sleep a run makes before it leaves the rest to a later event or the hourly sweep. */
const MAX_ROUNDS = 12;
const MAX_BATCHES = 20;

/**
 * The webhook outbox's drainer (server/webhooks). Started when rows are queued (after a short
 * settle, so the queuing transaction has committed and a burst goes in one pass) and by an
 * hourly sweep; it sends what is due, then sleeps until the next retry is due and sends again.
 * Parallel runs are safe: rows are claimed with SKIP LOCKED and leased.
 */
export const webhookDeliveriesRun = inngest.createFunction(
  { id: "webhooks.deliver", triggers: [webhooksQueued, { cron: "TZ=UTC 23 * * * *" }] },
  async ({ step }) => {
    await step.sleep("settle", "2s");
    let sent = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      for (let i = 0; i < MAX_BATCHES; i++) {
        const tried = await step.run(`deliver-${round}-${i}`, () => drainWebhookOutbox());
        sent += tried;
        if (tried === 0) break;
      }
      const next = await step.run(`next-due-${round}`, () => nextDueDelivery());
      if (!next) break;
      await step.sleepUntil(`until-retry-${round}`, new Date(next));
    }
    return { sent };
  },
);
