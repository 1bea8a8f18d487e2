import { failCohort, finishCohort, loadCohort, type TCohort } from "@/server/journeys/cohorts/cohort-rows";
import { takeCohortPage } from "@/server/journeys/cohorts/take-page";
import type { TTakenPage } from "@/server/journeys/cohorts/take-wait-page";
import { inngest } from "../client";
import { journeyCohortOpened, journeyStopped } from "../events";

/** Members taken on per step: one message group of the sending pipeline. */
export const COHORT_PAGE = 500;

/**
 * Profiles of a live journey that wait at one node until one instant: one durable run sleeps
 * once until then, then takes them on page by page (take-page.ts: a timed wait's members, or
 * those still waiting at a reaction or event wait at its deadline), each page one step and
 * idempotent. Stopping the journey cancels it (the stop ends the cohort and its members); an
 * exit event ends a member before its page.
 */
export const journeyCohort = inngest.createFunction(
  {
    id: "journey.cohort",
    triggers: [journeyCohortOpened],
    retries: 4,
    cancelOn: [{ event: journeyStopped, if: "async.data.journeyId == event.data.journeyId && async.data.test == false" }],
    onFailure: async ({ event, error }) => failCohort((event.data.event.data as { cohortId: string }).cohortId, error.message),
  },
  async ({ event, step, attempt }) => {
    const cohort = (await step.run("load", () => loadCohort(event.data.cohortId))) as TCohort | null;
    if (!cohort || cohort.status === "done" || cohort.status === "stopped") return { status: cohort?.status ?? "missing" };
    // The due time is on the executor's clock, as a journey.run's wait target is (walk-journey.ts).
    await step.sleepUntil("due", new Date(cohort.dueAt));
    let after: string | null = null;
    let taken = 0;
    for (let page = 1; ; page++) {
      const at = { after, taken };
      const r: TTakenPage = await step.run(`page-${page}`, () => takeCohortPage(cohort, at, COHORT_PAGE, attempt > 0));
      taken += r.taken;
      if (r.done) break;
      after = r.last;
    }
    await step.run("done", () => finishCohort(cohort.id));
    return { status: "done", taken };
  },
);
