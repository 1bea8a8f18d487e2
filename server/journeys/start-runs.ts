import { canPublishEvents, publishEvents } from "@/server/workflows/client";
import { journeyEnrollmentStarted } from "@/server/workflows/events";
import { workflowNow } from "@/server/workflows/embedded/clock";
import type { TRunStart } from "./engine/advance-together";

export interface TRunsOf {
  workspaceId: string;
  journeyId: string;
  versionId: string;
  test: boolean;
}

export type TRunStartOf = { enrollmentId: string; profileId: string; resume?: TRunStart["resume"]; notBefore?: number };

/**
 * Starts one journey.run per enrollment (their ids make a redelivery start nothing twice). A
 * run that starts past the entry carries the profile's {{ event.* }} (`triggerOf`); one that
 * starts at the entry loads it from its enrollment.
 */
export async function startRuns(r: TRunsOf, starts: TRunStartOf[], triggerOf: (profileId: string) => Record<string, unknown> | undefined = () => undefined): Promise<void> {
  if (starts.length === 0 || !canPublishEvents()) return;
  const trigger = (profileId: string) => {
    const t = triggerOf(profileId);
    return t ? { trigger: t } : {};
  };
  for (let i = 0; i < starts.length; i += 500) {
    await publishEvents(
      starts.slice(i, i + 500).map((e) => {
        const waitEnds = startAt(e.resume);
        const ts = waitEnds ?? (e.notBefore && e.notBefore > Date.now() ? e.notBefore : null);
        const resume = e.resume && waitEnds ? { ...e.resume, wait: { ...e.resume.wait!, scheduled: true } } : e.resume;
        return journeyEnrollmentStarted.create(
          { workspaceId: r.workspaceId, journeyId: r.journeyId, versionId: r.versionId, enrollmentId: e.enrollmentId, profileId: e.profileId, test: r.test, ...(resume ? { resume, ...trigger(e.profileId) } : {}) },
          { id: `journey-enrollment-${e.enrollmentId}`, ...(ts ? { ts } : {}) },
        );
      }),
    );
  }
}

/**
 * A run handed over at a timed wait starts when the wait ends (an event's future `ts` delays
 * its runs on Inngest): nothing to run or store until then. `ts` is real time; the target is
 * on the workflow clock. (Live profiles at a timed wait go to a cohort instead: hand-on.ts.)
 */
function startAt(resume: TRunStart["resume"] | undefined): number | null {
  const target = resume?.wait?.target;
  if (!target) return null;
  const delay = Date.parse(target) - workflowNow().getTime();
  return delay > 0 ? Date.now() + delay : null;
}
