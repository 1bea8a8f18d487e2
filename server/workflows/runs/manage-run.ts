import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { wfRunLog, wfRuns } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError, notFound } from "@/server/errors";
import type { TStoredEvent } from "../embedded/context";
import { createRun } from "../embedded/create-run";
import { closeRun } from "../embedded/run-state";
import { runningExecutor } from "../embedded/start-embedded";

/** The run if it is this workspace's; another workspace's or the instance's is "not found" (list-runs.ts). */
async function findRun(workspaceId: string, runId: string) {
  const db = await getDb();
  const [run] = await db
    .select()
    .from(wfRuns)
    .where(and(eq(wfRuns.id, runId), eq(wfRuns.workspaceId, workspaceId)));
  if (!run) throw notFound("Run");
  return run;
}

/** A run with its timeline: every step outcome, sleep, wait and retry, in order. */
export async function getRun(workspaceId: string, runId: string) {
  const run = await findRun(workspaceId, runId);
  const db = await getDb();
  const log = await db.select().from(wfRunLog).where(eq(wfRunLog.runId, runId)).orderBy(asc(wfRunLog.id));
  return { ...run, log };
}

export async function cancelRun(workspaceId: string, runId: string, actor: TActor) {
  const run = await findRun(workspaceId, runId);
  const finished = (status: string) => new AppError("BAD_REQUEST", `This run has already ${status === "completed" ? "completed" : status === "failed" ? "failed" : "been cancelled"}`);
  if (run.status !== "running") throw finished(run.status);
  const db = await getDb();
  await db.transaction(async (tx) => {
    // It may have ended since it was read (its last step, another cancel): then nothing is closed, nor audited.
    if (!(await closeRun(tx, runId, "cancelled", new Date(), { error: { message: `Cancelled by ${actor.label}` } }))) throw finished((await findRun(workspaceId, runId)).status);
    await recordAudit(tx, { workspaceId, actor, action: "run.cancel", entityType: "run", entityId: runId, diff: { status: { from: "running", to: "cancelled" } } });
  });
}

/** Starts a new run of the same function with the same event, or the same batch of events (Inngest's "rerun"). */
export async function rerun(workspaceId: string, runId: string, actor: TActor) {
  const run = await findRun(workspaceId, runId);
  const executor = runningExecutor();
  const fn = executor?.ctx.registry.get(run.fnId);
  if (!executor || !fn) throw new AppError("BAD_REQUEST", "Runs can be retried here only with the embedded executor and a function that still exists");
  const db = await getDb();
  const newId = await db.transaction(async (tx) => {
    const id = await createRun(tx, { ...fn, idempotency: undefined }, run.event as unknown as TStoredEvent, executor.clock.now(), run.events);
    await recordAudit(tx, { workspaceId, actor, action: "run.retry", entityType: "run", entityId: id, diff: { retryOf: { to: runId } } });
    return id;
  });
  executor.wake();
  return { runId: newId };
}
