import { resendDeferred } from "@/server/campaigns/deferred/resend-deferred";
import { inngest } from "../client";
import { messagesDeferred } from "../events";

/**
 * The promise of a deferred message (quiet hours, a full frequency cap): one run per group of
 * campaign or API-triggered messages due at one minute sleeps until then on the executor's
 * clock, then sends them again with their first send's keys (resend-deferred.ts). What is
 * still deferred goes on in a follow-up run; what passed its expiry is expired.
 */
export const deferredMessages = inngest.createFunction(
  { id: "messages.deferred", triggers: [messagesDeferred], retries: 4 },
  async ({ event, step }) => {
    await step.sleepUntil("due", new Date(event.data.due));
    return step.run("send", () => resendDeferred(event.data));
  },
);
