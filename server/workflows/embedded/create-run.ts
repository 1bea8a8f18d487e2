import { and, asc, eq, gt } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { wfJobs, wfRunLog, wfRuns } from "@/db/schema";
import { fileCancelKeys } from "./cancel-keys";
import { parseDuration } from "./durations";
import { evaluateKey } from "./expressions";
import type { TRegisteredFunction } from "./function-registry";
import type { TStoredEvent } from "./context";
import { workspaceOfEvent, workspaceOfEvents } from "./run-workspace";

const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;

type TRunRow = typeof wfRuns.$inferInsert & { id: string; startedAt: Date };

/**
 * Starts a run of `fn` for `event` (or for a batch, `events`: a rerun): honours idempotency (one run per key per 24 h) and
 * throttle (runs beyond the limit per period start later), and queues its first call.
 */
export async function createRun(tx: Tx, fn: TRegisteredFunction, event: TStoredEvent, now: Date, events?: Record<string, unknown>[] | null): Promise<string | null> {
  const row = await planRun(tx, fn, event, now);
  if (!row) return null;
  await insertRuns(tx, [{ row: events ? { ...row, events, workspaceId: workspaceOfEvents(events) } : row, fn }], now);
  return row.id;
}

/** The run row for `fn` and `event`, or null when an idempotency key was already used. */
export async function planRun(tx: Tx, fn: TRegisteredFunction, event: TStoredEvent, now: Date): Promise<TRunRow | null> {
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
  return {
    id: crypto.randomUUID(),
    fnId: fn.id,
    status: "running",
    event: event as unknown as Record<string, unknown>,
    workspaceId: workspaceOfEvent(event),
    maxAttempts: fn.maxAttempts,
    concurrencyKey: fn.concurrency ? (evaluateKey(fn.concurrency.key, context) ?? "") : null,
    idempotencyKey,
    throttleKey,
    startedAt: runAt,
  };
}

/** Inserts planned runs with their first job and log entry (and their cancelOn keys): three or four statements for any number. */
export async function insertRuns(tx: Tx, planned: { row: TRunRow; fn: TRegisteredFunction; jobAt?: Date }[], now: Date): Promise<void> {
  if (planned.length === 0) return;
  await tx.insert(wfRuns).values(planned.map((p) => p.row));
  await fileCancelKeys(tx, planned);
  await tx.insert(wfJobs).values(
    planned.map(({ row, fn, jobAt }) => ({
      runId: row.id,
      fnId: fn.id,
      kind: "call" as const,
      stepId: "step",
      concurrencyKey: row.concurrencyKey ?? null,
      concurrencyLimit: fn.concurrency?.limit ?? null,
      runAt: jobAt ?? row.startedAt,
    })),
  );
  await tx.insert(wfRunLog).values(
    planned.map(({ row, jobAt }) => ({
      runId: row.id,
      kind: "run.queued",
      name: (row.event as { name?: string }).name ?? null,
      data: { eventId: (row.event as { id?: string }).id ?? null },
      startedAt: now,
      endedAt: jobAt ?? row.startedAt,
    })),
  );
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
