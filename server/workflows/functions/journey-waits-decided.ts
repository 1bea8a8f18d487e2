import { DECIDED_PAGE } from "@/server/journeys/cohorts/drain-decided";
import { takeDecidedPage } from "@/server/journeys/cohorts/take-decided";
import { inngest } from "../client";
import { journeyWaitsDecided } from "../events";

/** Pages a run takes at most; a run that stops with more left sends the event again. */
const MAX_PAGES = 100;

/**
 * Profiles whose reaction or event wait an event decided (journey_waits.decided) go on their
 * way, 500 per step, together (take-decided.ts). Batched per workspace: at 500 opens a second
 * a run takes about 100 of them; a lone open waits at most 1 s for its batch (Inngest's shortest batch timeout).
 */
export const journeyWaitsDecidedRun = inngest.createFunction(
  { id: "journey.waits-decided", triggers: [journeyWaitsDecided], retries: 4, batchEvents: { maxSize: 100, timeout: "1s", key: "event.data.workspaceId" } },
  async ({ events, step, runId }) => {
    const workspaceId = events[0]!.data.workspaceId;
    let moved = 0;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const r = await step.run(`page-${page}`, () => takeDecidedPage(workspaceId, runId, DECIDED_PAGE));
      moved += r.moved;
      if (!r.more) return { moved };
    }
    await step.sendEvent("more", journeyWaitsDecided.create({ workspaceId }));
    return { moved, more: true };
  },
);
