import type { Tx } from "@/db/client";
import type { TMemo } from "@/db/schema/workflows";
import type { TOp } from "./call-function";
import type { TExecutorContext } from "./context";
import { parseDuration, sleepTarget } from "./durations";
import { jobFields, type TJob } from "./process-job";
import type { TCallRecord } from "./record-call";
import { registerWait } from "./register-wait";
import { closeRun } from "./run-state";
import type { TLockedRun, TRunSnapshot } from "./run-snapshot";

const SUPPORTED = new Set(["StepRun", "StepFailed", "StepError", "StepPlanned", "Sleep", "WaitForEvent"]);

/**
 * Acts on the ops of a 206, inside the transaction that holds the run: memoize finished
 * steps, queue planned steps, retries, sleeps and wait timeouts, as a record for
 * record-call.ts to write. Ops are de-duplicated by hashed id: a discovery call re-reports
 * steps that are still in flight, and a step memoized already (`locked.known`) stays as it is.
 */
export async function applyOps(
  tx: Tx,
  ctx: TExecutorContext,
  run: Pick<TRunSnapshot, "id" | "event">,
  locked: TLockedRun,
  job: TJob,
  rawOps: TOp[],
  startedAt: Date,
  now: Date,
): Promise<{ failure?: unknown; record?: TCallRecord; memoized: boolean }> {
  const ops = [...new Map(rawOps.map((op) => [op.id, op])).values()];
  const unsupported = ops.find((op) => !SUPPORTED.has(op.op));
  if (unsupported) {
    const error = { name: "UnsupportedOp", message: `Step "${unsupported.displayName ?? unsupported.name}" uses ${unsupported.op}, which the embedded executor does not support` };
    await closeRun(tx, run.id, "failed", now, { error });
    return { failure: error, memoized: false };
  }
  const known = new Set(locked.known);
  const steps: [string, TMemo][] = [];
  const memoize = (id: string, memo: TMemo) => {
    steps.push([id, memo]);
    known.add(id);
  };
  const log: TCallRecord["log"] = [];
  const jobs: TCallRecord["jobs"] = [];
  const base = { ...jobFields(job), attempt: 0 };
  for (const op of ops) {
    if (known.has(op.id)) continue;
    const entry = { runId: run.id, stepId: op.id, name: op.displayName ?? op.name ?? null, attempt: job.stepId === op.id ? job.attempt : 0, startedAt, endedAt: now };
    switch (op.op) {
      case "StepRun":
        memoize(op.id, { data: op.data ?? null });
        log.push({ ...entry, kind: "step.completed", data: (op.data ?? null) as object });
        break;
      case "StepFailed":
        memoize(op.id, { error: op.error ?? null });
        log.push({ ...entry, kind: "step.failed", data: (op.error ?? null) as object });
        break;
      case "StepError":
        jobs.push({ ...base, kind: "call", stepId: op.id, attempt: entry.attempt + 1, runAt: new Date(now.getTime() + ctx.backoff(entry.attempt)) });
        log.push({ ...entry, kind: "step.error", data: (op.error ?? null) as object });
        break;
      case "StepPlanned":
        jobs.push({ ...base, kind: "call", stepId: op.id, runAt: now });
        break;
      case "Sleep": {
        const until = sleepTarget(op.name ?? "0s", now);
        if (until.getTime() <= now.getTime()) {
          // Already due: memoize now rather than queue a wake-up.
          memoize(op.id, { data: null });
          log.push({ ...entry, kind: "sleep.done", startedAt: now });
          break;
        }
        jobs.push({ ...base, kind: "sleep", stepId: op.id, runAt: until });
        log.push({ ...entry, kind: "sleep.started", data: { until: until.toISOString() } });
        break;
      }
      case "WaitForEvent": {
        const timeout = String(op.opts?.timeout ?? "1y");
        const expiresAt = new Date(now.getTime() + parseDuration(timeout));
        const wait = { runId: run.id, stepId: op.id, eventName: op.name ?? "", expression: (op.opts?.if as string | undefined) ?? null, createdAt: now, expiresAt };
        const { matchedByScan } = await registerWait(tx, wait, run.event);
        jobs.push({ ...base, kind: "wait-timeout", stepId: op.id, runAt: expiresAt });
        log.push({ ...entry, kind: "wait.started", data: { event: op.name, if: op.opts?.if ?? null, timeout, ...(matchedByScan && { matchedByScan }) } });
        break;
      }
    }
  }
  return { record: { runId: run.id, steps, disableImmediateExecution: ops.length > 1, jobs, log }, memoized: steps.length > 0 };
}
