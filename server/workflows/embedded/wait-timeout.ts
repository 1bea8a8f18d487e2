import { and, eq, isNull } from "drizzle-orm";
import { wfWaits } from "@/db/schema";
import { transaction } from "@/db/transaction";
import type { TExecutorContext } from "./context";
import { ownCallJob, type TJob } from "./process-job";
import { recordCall } from "./record-call";
import { lockRunForJob } from "./run-snapshot";

/** A wait whose timeout came before its event: memoize null and queue the run's next call (ours). */
export async function wakeOnWaitTimeout(ctx: TExecutorContext, job: TJob): Promise<TJob | null> {
  return transaction(ctx.db, async (tx) => {
    const locked = await lockRunForJob(tx, ctx, job.id, job.runId, [job.stepId]);
    if (!locked || locked.status !== "running") return null;
    const now = ctx.clock.now();
    const [open] = await tx
      .update(wfWaits)
      .set({ resolvedAt: now })
      .where(and(eq(wfWaits.runId, job.runId), eq(wfWaits.stepId, job.stepId), isNull(wfWaits.resolvedAt)))
      .returning({ eventName: wfWaits.eventName, createdAt: wfWaits.createdAt });
    if (!open || locked.known.has(job.stepId)) return null; // the event came first
    const [next] = await recordCall(tx, {
      runId: job.runId,
      steps: [[job.stepId, { data: null }]],
      disableImmediateExecution: false,
      jobs: [ownCallJob(ctx, job, now)],
      log: [{ kind: "wait.timeout", stepId: job.stepId, name: open.eventName, startedAt: open.createdAt, endedAt: now }],
    });
    return next ?? null;
  });
}
