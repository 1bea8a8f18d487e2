import { getDb } from "@/db/client";
import { APP_ID, inngest, setEmbeddedHearing, setEmbeddedSend } from "../client";
import { functions } from "../functions";
import { inProcessInvoker } from "./in-process-handler";
import { appClock, setWorkflowClock, type TClock } from "./clock";
import { EmbeddedExecutor, type TExecutorOptions } from "./executor";
import { usePlainProcessEnv } from "./plain-env";

const key = Symbol.for("parcours.workflows.executor");
const g = globalThis as typeof globalThis & { [key]?: EmbeddedExecutor };

/** An executor for the app's functions that the app's client sends its events to. */
export async function createAppExecutor(options: { clock?: TClock } & Pick<TExecutorOptions, "leaseMs" | "pollMs" | "workerId"> = {}): Promise<EmbeddedExecutor> {
  usePlainProcessEnv();
  if (options.clock) setWorkflowClock(options.clock);
  const executor = new EmbeddedExecutor({
    db: await getDb(),
    functions,
    appId: APP_ID,
    invoke: inProcessInvoker({ client: inngest, functions }),
    ...options,
  });
  setEmbeddedSend((events) => executor.send(events));
  setEmbeddedHearing((name) => executor.hears(name));
  return executor;
}

/**
 * Starts the embedded executor once per process (called from instrumentation.ts). With
 * `run: false` (PARCOURS_EXECUTOR=off) it takes events and sends but claims no job.
 */
export async function startEmbeddedExecutor(options: { run?: boolean } = {}): Promise<EmbeddedExecutor> {
  if (g[key]) return g[key];
  const executor = await createAppExecutor({ clock: appClock() });
  g[key] = executor;
  if (options.run !== false) executor.start();
  return executor;
}

export function runningExecutor(): EmbeddedExecutor | null {
  return g[key] ?? null;
}
