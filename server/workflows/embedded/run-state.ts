import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { wfJobs, wfRunLog, wfRuns, wfWaits } from "@/db/schema";

/** Ends a run: its status and result, its pending jobs and open waits closed. */
export async function closeRun(
  tx: Tx,
  runId: string,
  status: "completed" | "failed" | "cancelled",
  now: Date,
  result: { output?: unknown; error?: unknown },
): Promise<boolean> {
  const [closed] = await tx
    .update(wfRuns)
    .set({ status, output: result.output ?? null, error: result.error ?? null, endedAt: now })
    .where(and(eq(wfRuns.id, runId), eq(wfRuns.status, "running")))
    .returning({ id: wfRuns.id });
  if (!closed) return false;
  await tx.update(wfJobs).set({ doneAt: now }).where(and(eq(wfJobs.runId, runId), isNull(wfJobs.doneAt)));
  await tx.update(wfWaits).set({ resolvedAt: now }).where(and(eq(wfWaits.runId, runId), isNull(wfWaits.resolvedAt)));
  await tx.insert(wfRunLog).values({ runId, kind: `run.${status}`, data: (status === "completed" ? result.output : result.error) ?? null, startedAt: now, endedAt: now });
  return true;
}
