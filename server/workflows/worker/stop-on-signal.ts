import type { EmbeddedExecutor } from "../embedded/executor";
import { shutdownGraceMs } from "./executor-role";
import { shutdownOnSignal } from "./shutdown-on-signal";
import { stopExecutor } from "./stop-executor";

/**
 * SIGTERM / SIGINT stop this process's executor gracefully (stop-executor.ts), then the
 * database pool closes and the process exits 0. For the web process and `npm run worker`.
 */
export function stopExecutorOnSignal(executor: EmbeddedExecutor, label: string, env: NodeJS.ProcessEnv = process.env): void {
  const graceMs = shutdownGraceMs(env);
  shutdownOnSignal(async () => {
    const startedAt = Date.now();
    const { finished, handedBack } = await stopExecutor(executor, graceMs);
    const outcome = finished ? "the jobs in hand finished" : `grace period (${graceMs} ms) over, ${handedBack} job(s) handed back`;
    console.log(`[workflows] ${label} ${executor.ctx.workerId} stopped in ${Date.now() - startedAt} ms: ${outcome}`);
  }, graceMs + 10_000);
}
