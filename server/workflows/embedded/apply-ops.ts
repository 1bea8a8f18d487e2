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

/** Ops deduplicated by hashed id (a discovery call re-reports steps still in flight), and the first one not supported. */
export function distinctOps(rawOps: TOp[]): { ops: TOp[]; unsupported?: TOp } {
  const ops = [...new Map(rawOps.map((op) => [op.id, op])).values()];
  return { ops, unsupported: ops.find((op) => !SUPPORTED.has(op.op)) };
}

/** A wait to register in the transaction that writes the record; its log row's data learns whether it is matched by scan. */
export interface TPendingWait {
  wait: Parameters<typeof registerWait>[1];
  logData: Record<string, unknown>;
}

/**
 * What the ops of a 206 change, in memory: finished steps to memoize, planned steps,
 * retries, sleeps and wait timeouts to queue, as a record for record-call.ts or
 * commit-call.ts to write. A step memoized already (`known`) stays as it is. Waits are
 * returned to be registered in the writing transaction.
 */
export function planOps(ctx: TExecutorContext, runId: string, known: ReadonlySet<string>, job: TJob, ops: TOp[], startedAt: Date, now: Date) {
  const seen = new Set(known);
  const steps: [string, TMemo][] = [];
  const memoize = (id: string, memo: TMemo) => {
    steps.push([id, memo]);
    seen.add(id);
  };
  const log: TCallRecord["log"] = [];
  const jobs: TCallRecord["jobs"] = [];
  const waits: TPendingWait[] = [];
  const base = { ...jobFields(job), attempt: 0 };
  for (const op of ops) {
    if (seen.has(op.id)) continue;
    const entry = { runId, stepId: op.id, name: op.displayName ?? op.name ?? null, attempt: job.stepId === op.id ? job.attempt : 0, startedAt, endedAt: now };
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
        const logData: Record<string, unknown> = { event: op.name, if: op.opts?.if ?? null, timeout };
        waits.push({ wait: { runId, stepId: op.id, eventName: op.name ?? "", expression: (op.opts?.if as string | undefined) ?? null, createdAt: now, expiresAt }, logData });
        jobs.push({ ...base, kind: "wait-timeout", stepId: op.id, runAt: expiresAt });
        log.push({ ...entry, kind: "wait.started", data: logData });
        break;
      }
    }
  }
  const record: TCallRecord = { runId, steps, disableImmediateExecution: ops.length > 1, jobs, log };
  return { record, waits, memoized: steps.length > 0 };
}

/**
 * Acts on the ops of a 206 inside the transaction that holds the run: the plan above, its
 * waits registered; an unsupported op fails the run.
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
  const { ops, unsupported } = distinctOps(rawOps);
  if (unsupported) {
    const error = { name: "UnsupportedOp", message: `Step "${unsupported.displayName ?? unsupported.name}" uses ${unsupported.op}, which the embedded executor does not support` };
    await closeRun(tx, run.id, "failed", now, { error });
    return { failure: error, memoized: false };
  }
  const { record, waits, memoized } = planOps(ctx, run.id, locked.known, job, ops, startedAt, now);
  for (const { wait, logData } of waits) {
    const { matchedByScan } = await registerWait(tx, wait, run.event);
    if (matchedByScan) logData.matchedByScan = matchedByScan;
  }
  return { record, memoized };
}
