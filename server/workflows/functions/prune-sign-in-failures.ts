import { lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signInFailures } from "@/db/schema";
import { FAILURE_WINDOW_MS } from "@/server/auth/verify-credentials";
import { inngest } from "../client";
import { maintenanceRequested } from "../events";

/** Failed sign-ins only matter inside the throttling window; older rows are dropped nightly. */
export const pruneSignInFailures = inngest.createFunction(
  { id: "maintenance.prune-sign-in-failures", triggers: [{ cron: "TZ=UTC 17 3 * * *" }, maintenanceRequested] },
  async ({ step }) => {
    const removed = await step.run("delete-expired", async () => {
      const db = await getDb();
      const rows = await db
        .delete(signInFailures)
        .where(lt(signInFailures.at, new Date(Date.now() - FAILURE_WINDOW_MS)))
        .returning({ id: signInFailures.id });
      return rows.length;
    });
    return { removed };
  },
);
