import { getDbHandle } from "@/db/client";
import { startEmbeddedExecutor } from "../embedded/start-embedded";
import { executorEnabled, refuseSingleProcessDatabase } from "./executor-role";
import { stopExecutorOnSignal } from "./stop-on-signal";

/**
 * The web process's executor (instrumentation.ts, through start-up.ts). It always takes
 * events and sends; it runs jobs unless PARCOURS_EXECUTOR=off, when `npm run worker`
 * processes on the same PostgreSQL do. Stops gracefully on SIGTERM / SIGINT.
 */
export async function startWebExecutor(): Promise<void> {
  const run = executorEnabled();
  if (!run) refuseSingleProcessDatabase((await getDbHandle()).driver, "PARCOURS_EXECUTOR=off");
  const executor = await startEmbeddedExecutor({ run });
  if (!run) console.log("[workflows] PARCOURS_EXECUTOR=off: this process takes events and runs no job; `npm run worker` processes do");
  stopExecutorOnSignal(executor, run ? "web executor" : "web process (executor off)");
}
