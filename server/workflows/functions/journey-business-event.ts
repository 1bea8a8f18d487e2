import { applyExitCriteria, enterOnEvent } from "@/server/journeys/business-event";
import { inngest } from "../client";
import { eventReceived } from "../events";

/** A business event: first the exits it triggers, then the journeys it enters the profile into. */
export const journeyBusinessEvent = inngest.createFunction(
  { id: "journey.business-event", triggers: [eventReceived], retries: 4 },
  async ({ event, step }) => {
    if (event.data.skip) return { skipped: true };
    const exits = await step.run("exit-criteria", () => applyExitCriteria(event.data));
    const entries = await step.run("entries", () => enterOnEvent(event.data));
    return { ...exits, ...entries };
  },
);
