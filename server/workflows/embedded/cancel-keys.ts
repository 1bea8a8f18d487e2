import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { wfCancelKeys, wfRuns } from "@/db/schema";
import type { TExecutorContext, TStoredEvent } from "./context";
import { matches } from "./expressions";
import type { TRegisteredFunction } from "./function-registry";
import { fileShapesCte, lookupKeysOf } from "./match-shapes";
import { closeRun } from "./run-state";
import { SCAN_KEY, waitKeyOf } from "./wait-keys";

/**
 * Files the `cancelOn` keys of starting runs (wait-keys.ts: `event` is the run's event, as
 * when the cancel is checked), in one statement for any number of runs.
 */
export async function fileCancelKeys(tx: Tx, started: { row: { id: string; event: unknown }; fn: TRegisteredFunction }[]): Promise<void> {
  const keys = new Map<string, { event_name: string; match_key: string; run_id: string }>();
  const shapes = new Map<string, { eventName: string; shape: string }>();
  for (const { row, fn } of started) {
    for (const cancel of fn.cancel) {
      const keyed = waitKeyOf(cancel.if, row.event);
      const key = { event_name: cancel.event, match_key: keyed?.key ?? SCAN_KEY, run_id: row.id };
      keys.set(JSON.stringify(key), key);
      if (keyed) shapes.set(`${cancel.event}\u0000${keyed.shape}`, { eventName: cancel.event, shape: keyed.shape });
    }
  }
  if (keys.size === 0) return;
  const rows = JSON.stringify([...keys.values()]);
  await tx.execute(sql`with shapes as (${fileShapesCte([...shapes.values()])})
    insert into wf_cancel_keys (event_name, match_key, run_id)
    select x.event_name, x.match_key, x.run_id from jsonb_to_recordset(${rows}::jsonb) as x(event_name text, match_key text, run_id uuid)
    on conflict do nothing`);
}

/** The running runs whose `cancelOn` matches `event` are cancelled; they are found by key. */
export async function applyCancellations(ctx: TExecutorContext, tx: Tx, event: TStoredEvent, now: Date, shapes: Map<string, string[]>): Promise<void> {
  const cancellers = [...ctx.registry.values()].filter((fn) => fn.cancel.some((c) => c.event === event.name));
  if (cancellers.length === 0) return;
  const candidates = await tx
    .selectDistinct({ id: wfRuns.id, fnId: wfRuns.fnId, event: wfRuns.event })
    .from(wfCancelKeys)
    .innerJoin(wfRuns, eq(wfRuns.id, wfCancelKeys.runId))
    .where(
      and(
        or(
          and(eq(wfCancelKeys.eventName, event.name), inArray(wfCancelKeys.matchKey, lookupKeysOf(event, shapes))),
          // Runs started before keys were filed (migration 0024) are checked on every event.
          and(eq(wfCancelKeys.eventName, SCAN_KEY), eq(wfCancelKeys.matchKey, SCAN_KEY)),
        ),
        inArray(wfRuns.fnId, cancellers.map((f) => f.id)),
        eq(wfRuns.status, "running"),
      ),
    );
  for (const run of candidates) {
    const fn = ctx.registry.get(run.fnId)!;
    const cancel = fn.cancel.some((c) => c.event === event.name && matches(c.if, { event: run.event, async: event }));
    if (cancel) await closeRun(tx, run.id, "cancelled", now, { error: { message: `Cancelled by event ${event.name}`, eventId: event.id } });
  }
}
