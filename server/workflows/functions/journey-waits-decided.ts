import { clearDrainRequest, DECIDED_PAGE } from "@/server/journeys/cohorts/drain-decided";
import { takeDecidedPage } from "@/server/journeys/cohorts/take-decided";
import { inngest } from "../client";
import { journeyWaitsDecided } from "../events";

/** Pages a run takes at most; a run that stops with more left sends the event again. */
const MAX_PAGES = 100;

/**
 * Profiles whose reaction or event wait an event decided (journey_waits.decided) go on their
 * way, 500 per step, together (take-decided.ts). Not batched: the intake publishes this event
 * only when no drain of the workspace is pending (drain-decided.ts), so at 500 opens a second
 * a run takes the opens of the moments before it, and a lone open is taken on at once
 * instead of after a batch's timeout.
 */
export const journeyWaitsDecidedRun = inngest.createFunction(
  { id: "journey.waits-decided", triggers: [journeyWaitsDecided], retries: 4 },
  async ({ event, step, runId }) => {
    const workspaceId = event.data.workspaceId;
    let moved = 0;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const r = await step.run(`page-${page}`, async () => {
        await clearDrainRequest(workspaceId);
        return takeDecidedPage(workspaceId, runId, DECIDED_PAGE);
      });
      moved += r.moved;
      if (!r.more) return { moved };
    }
    await step.sendEvent("more", journeyWaitsDecided.create({ workspaceId }));
    return { moved, more: true };
  },
);
