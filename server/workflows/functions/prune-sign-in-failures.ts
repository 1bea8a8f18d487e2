import { pruneSessions } from "@/server/auth/session-records";
import { pruneAttempts } from "@/server/auth/sign-in-throttle";
import { inngest } from "../client";
import { maintenanceRequested } from "../events";

/** Sign-in attempts only matter inside their throttling window, sessions until they expire; older rows are dropped nightly. */
export const pruneSignInFailures = inngest.createFunction(
  { id: "maintenance.prune-sign-in-failures", triggers: [{ cron: "TZ=UTC 17 3 * * *" }, maintenanceRequested] },
  async ({ step }) => {
    const removed = await step.run("delete-expired", () => pruneAttempts());
    const sessionsRemoved = await step.run("delete-expired-sessions", () => pruneSessions());
    return { removed, sessionsRemoved };
  },
);
