import { pruneRuns } from "@/server/workflows/runs/prune-runs";
import { inngest } from "../client";

/** Up to 50 steps of 100,000 runs a night: a backlog larger than that is finished the nights after. */
const MAX_STEPS = 50;

/**
 * Finished workflow runs older than their workspace's retention (the instance's: 30 days) are
 * deleted nightly with their jobs, waits and log rows, in short batches; one step per
 * 100,000 runs, so a long backlog survives a restart without starting over.
 */
export const pruneRunsNightly = inngest.createFunction(
  { id: "maintenance.prune-runs", triggers: [{ cron: "TZ=UTC 47 3 * * *" }] },
  async ({ step }) => {
    let deleted = 0;
    for (let i = 0; i < MAX_STEPS; i++) {
      const batch = await step.run(`delete-expired-runs-${i}`, () => pruneRuns());
      deleted += batch.deleted;
      if (!batch.more) break;
    }
    return { deleted };
  },
);
