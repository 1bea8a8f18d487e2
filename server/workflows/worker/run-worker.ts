// `npm run worker`: the embedded workflow executor without the web server, on the app's
// PostgreSQL database. Run as many as needed next to web processes started with
// PARCOURS_EXECUTOR=off (docs/workflows.md, "Workers"). Functions run in this process.
import { hostname } from "node:os";
import { getDbHandle } from "@/db/client";
import { appClock } from "../embedded/clock";
import { usePlainProcessEnv } from "../embedded/plain-env";
import { createAppExecutor } from "../embedded/start-embedded";
import { workflowMode } from "../mode";
import { refuseSingleProcessDatabase } from "./executor-role";
import { stopExecutorOnSignal } from "./stop-on-signal";

async function main(): Promise<void> {
  // Checked before opening anything: without DATABASE_URL the database would be a PGlite folder.
  refuseSingleProcessDatabase(process.env.DATABASE_URL ? "postgres" : "pglite", "npm run worker");
  if (workflowMode() !== "embedded") {
    throw new Error("npm run worker runs the embedded executor, but an Inngest server is configured (INNGEST_*): that server runs the functions through /api/inngest.");
  }
  usePlainProcessEnv();
  await getDbHandle(); // opened and migrated, as the web process does
  const executor = await createAppExecutor({ clock: appClock(), workerId: `worker-${hostname()}-${process.pid}` });
  executor.start();
  stopExecutorOnSignal(executor, "worker");
  console.log(`[workflows] worker ${executor.ctx.workerId} running ${executor.ctx.registry.size} functions (pid ${process.pid})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
