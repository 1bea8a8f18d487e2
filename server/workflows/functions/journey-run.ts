import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { journeyEnrollments } from "@/db/schema";
import type { TSteps } from "@/server/journeys/engine/run-node";
import { walkJourney } from "@/server/journeys/engine/walk-journey";
import { inngest } from "../client";
import { journeyEnrollmentStarted, journeyStopped } from "../events";

/**
 * One profile's way through one frozen journey version: each action is a memoized step,
 * waits are sleeps, reactions and event waits are waitForEvent with their timeout. Stopping
 * the journey cancels its runs; an exit event ends a run at its next step.
 */
export const journeyRun = inngest.createFunction(
  {
    id: "journey.run",
    triggers: [journeyEnrollmentStarted],
    retries: 4,
    cancelOn: [{ event: journeyStopped, if: "async.data.journeyId == event.data.journeyId && async.data.test == event.data.test" }],
    onFailure: async ({ event, error }) => {
      const { enrollmentId } = event.data.event.data as { enrollmentId: string };
      const db = await getDb();
      await db.update(journeyEnrollments).set({ status: "failed", exitReason: error.message.slice(0, 500), finishedAt: new Date() }).where(eq(journeyEnrollments.id, enrollmentId));
    },
  },
  async ({ event, step }) => walkJourney(event.data, step as unknown as TSteps),
);
