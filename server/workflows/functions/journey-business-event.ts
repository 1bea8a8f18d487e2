import { handleBusinessEvents } from "@/server/journeys/business-event";
import { inngest } from "../client";
import { eventReceived } from "../events";

// An Inngest Cloud plan may allow smaller batches: PARCOURS_EVENT_BATCH_SIZE lowers it.
const BATCH_SIZE = Math.max(1, Math.min(100, Number(process.env.PARCOURS_EVENT_BATCH_SIZE) || 100));

/**
 * Business events, in batches: the exits they trigger, then the journeys they enter profiles
 * into, a few statements for the whole batch (business-event.ts). A batch is full at 100
 * events (0.2 s at 500 events/s) or closes 1 s after its first event, so a lone event waits
 * about a second at most. Both parts are idempotent and nothing follows them, so they run in
 * the function body, not in a step: a retry redoes both, as a retried step would.
 */
export const journeyBusinessEvent = inngest.createFunction(
  // A batch per workspace: a run, and the Runs page that shows it, holds one workspace's events.
  { id: "journey.business-event", triggers: [eventReceived], retries: 4, batchEvents: { maxSize: BATCH_SIZE, timeout: "1s", key: "event.data.workspaceId" } },
  async ({ events }) => handleBusinessEvents(events.map((e) => e.data)),
);
