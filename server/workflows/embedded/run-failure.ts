import type { Tx } from "@/db/client";
import { transaction } from "@/db/transaction";
import type { TExecutorContext } from "./context";
import type { TJob } from "./process-job";
import { closeRun } from "./run-state";
import type { TRunSnapshot } from "./run-snapshot";
import { FUNCTION_FAILED } from "./run-workspace";

/** `inngest/function.failed` triggers the function's onFailure handler, as on Inngest. */
export async function reportFailure(ctx: TExecutorContext, run: TRunSnapshot, error: unknown) {
  if (run.fnId.endsWith("-failure")) return;
  await ctx.emit([
    // Its handler's run belongs to the workspace of `event` (run-workspace.ts).
    { name: FUNCTION_FAILED, data: { function_id: run.fnId, run_id: run.id, error, event: run.event } },
  ]);
}

export function isDatabaseError(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  return typeof e?.code === "string" || typeof e?.cause?.code === "string" || /connect|ECONN|terminat/i.test(String((error as Error)?.message));
}

export async function failRunOnExecutorError(ctx: TExecutorContext, job: TJob, error: unknown): Promise<void> {
  const message = `The executor could not handle this run: ${(error as Error)?.message ?? String(error)}`;
  await transaction(ctx.db, (tx: Tx) => closeRun(tx, job.runId, "failed", ctx.clock.now(), { error: { name: "ExecutorError", message } }));
}
