import { applyExitCriteria, enterOnEvent } from "@/server/journeys/business-event";
import { inngest } from "../client";
import { eventReceived } from "../events";

/**
 * A business event: first the exits it triggers, then the journeys it enters the profile into,
 * in one step (both are idempotent): an event entry's first message goes out in this call.
 */
export const journeyBusinessEvent = inngest.createFunction(
  { id: "journey.business-event", triggers: [eventReceived], retries: 4 },
  async ({ event, step }) => {
    if (event.data.skip) return { skipped: true };
    return step.run("exits-and-entries", async () => ({ ...(await applyExitCriteria(event.data)), ...(await enterOnEvent(event.data)) }));
  },
);
