import { and, eq, isNull } from "drizzle-orm";
import { wfJobs } from "@/db/schema";
import type { TExecutorContext } from "../embedded/context";
import type { EmbeddedExecutor } from "../embedded/executor";
import { markProcessStopping } from "../process-stopping";

export interface TStopOutcome {
  /** Every job in hand finished within the grace period. */
  finished: boolean;
  /** Jobs whose lease was given up so that another process takes them at once. */
  handedBack: number;
}

/**
 * A graceful stop: claims nothing more, lets the calls in hand finish for up to `graceMs`
 * (each run's next call goes back to the queue rather than on in this process),
 * then hands back the jobs still leased to this process (lease cleared: another process
 * claims them on its next poll instead of after the lease). A call still running after the
 * grace period then finds its job no longer ours and its result is dropped; its step runs
 * again elsewhere (at-least-once, as after a crash; sends are idempotent per message).
 */
export async function stopExecutor(executor: EmbeddedExecutor, graceMs: number): Promise<TStopOutcome> {
  executor.ctx.stopping = true; // a run's next call is queued for any process, not taken on here
  markProcessStopping(); // long steps end after the group in hand
  let timer: ReturnType<typeof setTimeout> | undefined;
  const graceOver = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
  const finished = await Promise.race([executor.stop().then(() => true as const), graceOver]);
  clearTimeout(timer);
  return { finished, handedBack: await handBackLeases(executor.ctx) };
}

/** Clears the lease of every unfinished job this worker holds; returns how many. */
export async function handBackLeases(ctx: Pick<TExecutorContext, "db" | "workerId">): Promise<number> {
  const rows = await ctx.db
    .update(wfJobs)
    .set({ lockedUntil: null, lockedBy: null })
    .where(and(eq(wfJobs.lockedBy, ctx.workerId), isNull(wfJobs.doneAt)))
    .returning({ id: wfJobs.id });
  return rows.length;
}
