import { applyExitCriteria, enterOnEvent } from "@/server/journeys/business-event";
import { inngest } from "../client";
import { eventReceived } from "../events";

/**
 * A business event: first the exits it triggers, then the journeys it enters the profile into.
 * Both are idempotent and nothing follows them, so they run in the function body, not in a
 * step: a retry redoes both, as a retried step would, and the run needs one call instead of
 * two (a step's result is handed back and the function called again to finish).
 */
export const journeyBusinessEvent = inngest.createFunction(
  { id: "journey.business-event", triggers: [eventReceived], retries: 4 },
  async ({ event }) => {
    if (event.data.skip) return { skipped: true };
    return { ...(await applyExitCriteria(event.data)), ...(await enterOnEvent(event.data)) };
  },
);
