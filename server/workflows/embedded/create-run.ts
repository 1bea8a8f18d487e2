import { and, asc, eq, gt } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { wfJobs, wfRunLog, wfRuns } from "@/db/schema";
import { parseDuration } from "./durations";
import { evaluateKey } from "./expressions";
import type { TRegisteredFunction } from "./function-registry";
import type { TStoredEvent } from "./context";

const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Starts a run of `fn` for `event`: honours idempotency (one run per key per 24 h) and
 * throttle (runs beyond the limit per period start later), and queues its first call.
 */
export async function createRun(tx: Tx, fn: TRegisteredFunction, event: TStoredEvent, now: Date): Promise<string | null> {
  const context = { event };
  const idempotencyKey = evaluateKey(fn.idempotency, context);
  if (fn.idempotency && idempotencyKey !== null) {
    const [seen] = await tx
      .select({ id: wfRuns.id })
      .from(wfRuns)
      .where(and(eq(wfRuns.fnId, fn.id), eq(wfRuns.idempotencyKey, idempotencyKey), gt(wfRuns.startedAt, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS))))
      .limit(1);
    if (seen) return null;
  }
  const throttleKey = fn.throttle ? (evaluateKey(fn.throttle.key, context) ?? "") : null;
  const runAt = fn.throttle && throttleKey !== null ? await throttledStart(tx, fn, throttleKey, now) : now;
  const workspaceId = typeof event.data.workspaceId === "string" && UUID.test(event.data.workspaceId) ? event.data.workspaceId : null;
  const concurrencyKey = fn.concurrency ? (evaluateKey(fn.concurrency.key, context) ?? "") : null;
  const [run] = await tx
    .insert(wfRuns)
    .values({
      fnId: fn.id,
      status: "running",
      event: event as unknown as Record<string, unknown>,
      workspaceId,
      maxAttempts: fn.maxAttempts,
      concurrencyKey,
      idempotencyKey,
      throttleKey,
      startedAt: runAt,
    })
    .returning({ id: wfRuns.id });
  if (!run) throw new Error("insert returned no run");
  await tx.insert(wfJobs).values({
    runId: run.id,
    fnId: fn.id,
    kind: "call",
    stepId: "step",
    concurrencyKey,
    concurrencyLimit: fn.concurrency?.limit ?? null,
    runAt,
  });
  await tx.insert(wfRunLog).values({ runId: run.id, kind: "run.queued", name: event.name, data: { eventId: event.id }, startedAt: now, endedAt: runAt });
  return run.id;
}

/**
 * Throttle queues, it never drops: with the runs of this key started (or scheduled) within
 * the last period at s0 <= s1 <= … <= s(k-1), a new run may start once s(k-limit) is a
 * period old, which keeps at most `limit` starts in any window.
 */
async function throttledStart(tx: Tx, fn: TRegisteredFunction, key: string, now: Date): Promise<Date> {
  const periodMs = parseDuration(fn.throttle!.period);
  const limit = fn.throttle!.limit;
  const starts = await tx
    .select({ startedAt: wfRuns.startedAt })
    .from(wfRuns)
    .where(and(eq(wfRuns.fnId, fn.id), eq(wfRuns.throttleKey, key), gt(wfRuns.startedAt, new Date(now.getTime() - periodMs))))
    .orderBy(asc(wfRuns.startedAt));
  if (starts.length < limit) return now;
  const anchor = starts[starts.length - limit]!.startedAt;
  return new Date(Math.max(now.getTime(), anchor.getTime() + periodMs));
}
