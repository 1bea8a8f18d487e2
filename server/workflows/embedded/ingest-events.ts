import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { TExecutorContext, TIncomingEvent, TStoredEvent } from "./context";
import { addToBatches } from "./batch-events";
import { createRun, insertRuns, planRun } from "./create-run";
import type { TRegisteredFunction } from "./function-registry";
import { matches } from "./expressions";
import { applyCancellations } from "./cancel-keys";
import { waitsAndShapesOf } from "./match-shapes";
import { resolveWaits } from "./resolve-waits";
import { transaction } from "@/db/transaction";
import { workspaceOfEvent } from "./run-workspace";


/**
 * Event intake, in one transaction: store (an id seen before is a no-op), resolve the
 * waits it matches, cancel the runs it cancels, start the runs it triggers. Events that no
 * function uses and no run waits for are not stored. `queued`: some run has work now (most
 * message events start nothing, so workers need no wake-up).
 */
export async function ingestEvents(ctx: TExecutorContext, raw: TIncomingEvent[]): Promise<{ ids: string[]; queued: boolean }> {
  const now = ctx.clock.now();
  const incoming = parseEvents(raw);
  const events: TStoredEvent[] = incoming.map((e) => ({
    ...e,
    id: e.id ?? crypto.randomUUID(),
    ts: e.ts ?? now.getTime(),
    data: e.data ?? {},
  }));
  if (events.length === 0) return { ids: [], queued: false };
  // An event stamped in the future starts its runs that much later, as on Inngest. The delay
  // is measured on the sender's clock (real time), then laid on the executor's (maybe shifted).
  const startOf = (i: number) => {
    const ts = incoming[i]!.ts;
    return ts !== undefined && ts > Date.now() ? new Date(now.getTime() + ts - Date.now()) : now;
  };
  const names = [...new Set(events.map((e) => e.name))];
  // Read before the transaction: a wait registered meanwhile would not match these events
  // anyway (a wait sees the events received after it).
  const { waitedFor, shapes } = await waitsAndShapesOf(ctx.db, names, now);
  // Events no function starts or cancels on and no run waits for (most message events: their
  // history is in message_events already) can change nothing, so they are not kept: a
  // million-message campaign would otherwise write two million rows nobody reads.
  if (waitedFor.size === 0 && !names.some((name) => startsOrCancels(ctx, name))) return { ids: events.map((e) => e.id), queued: false };
  let queued = false;
  await transaction(ctx.db, async (tx) => {
    queued = false; // a retried transaction starts over
    const freshIds = new Set((await storeEvents(tx, events, now)).map((f) => f.id));
    const isFresh = events.map((event) => freshIds.delete(event.id)); // the same id twice in one batch counts once
    // The batch's waits first, in one go: nothing else in an intake registers or resolves waits.
    if (await resolveWaits(tx, events.filter((event, i) => isFresh[i] && waitedFor.has(event.name)), now, shapes)) queued = true;
    const batch: Parameters<typeof insertRuns>[1] = [];
    const keysInBatch = new Set<string>();
    const batched = new Map<TRegisteredFunction, TStoredEvent[]>();
    for (const [i, event] of events.entries()) {
      if (!isFresh[i]) continue;
      await applyCancellations(ctx, tx, event, now, shapes);
      for (const fn of ctx.registry.values()) {
        if (!fn.eventTriggers.some((t) => t.event === event.name && matches(t.expression, { event }))) continue;
        if (fn.batch) {
          batched.set(fn, [...(batched.get(fn) ?? []), event]);
          continue;
        }
        if (fn.throttle) {
          await createRun(tx, fn, event, startOf(i)); // each throttled start depends on the previous one
          queued = true;
          continue;
        }
        const row = await planRun(tx, fn, event, startOf(i));
        if (!row) continue;
        const key = row.idempotencyKey === null || row.idempotencyKey === undefined ? null : `${fn.id}\u0000${row.idempotencyKey}`;
        if (key && keysInBatch.has(key)) continue;
        if (key) keysInBatch.add(key);
        batch.push({ row, fn });
      }
    }
    // Runs are started in bulk: large batches of events (imports, fan-outs) stay fast.
    for (let i = 0; i < batch.length; i += 1000) await insertRuns(tx, batch.slice(i, i + 1000), now);
    if (batch.length) queued = true;
    for (const [fn, events] of batched) if (await addToBatches(tx, fn, events, now)) queued = true;
  });
  return { ids: events.map((e) => e.id), queued };
}

/** Stores the events (an id seen before is skipped) and returns the new ones' ids. */
async function storeEvents(db: DbOrTx, events: TStoredEvent[], now: Date): Promise<{ id: string }[]> {
  // The batch as one JSON parameter: a fan-out's thousands of events in one cheap statement.
  const rows = JSON.stringify(events.map((e) => ({ id: e.id, name: e.name, data: e.data, ts: e.ts, workspace_id: workspaceOfEvent(e) })));
  return rowsOf<{ id: string }>(
    await db.execute(sql`insert into wf_events (id, name, data, ts, workspace_id, received_at)
      select x.id, x.name, x.data, x.ts, x.workspace_id, ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${rows}::jsonb) as x(id text, name text, data jsonb, ts bigint, workspace_id uuid)
      on conflict do nothing returning id`),
  );
}

export function startsOrCancels(ctx: TExecutorContext, name: string): boolean {
  return [...ctx.registry.values()].some((fn) => fn.eventTriggers.some((t) => t.event === name) || fn.cancel.some((c) => c.event === name));
}

/** Which of these event names some run is waiting for; most events need no wait lookup. */
export async function namesWithOpenWaits(db: DbOrTx, names: string[], now: Date): Promise<Set<string>> {
  return (await waitsAndShapesOf(db, names, now)).waitedFor;
}

const ZIncomingEvent = z.object({
  name: z.string().min(1, "name is required").max(256),
  data: z.record(z.string(), z.unknown()).optional(),
  id: z.string().min(1).max(256).optional(),
  ts: z.number().int().nonnegative().optional(),
  user: z.record(z.string(), z.unknown()).optional(),
  v: z.string().optional(),
});

/** Rejects a malformed event with the path of the bad field, e.g. `events[2].data`. */
function parseEvents(raw: unknown[]): TIncomingEvent[] {
  return raw.map((event, i) => {
    const parsed = ZIncomingEvent.safeParse(event);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid event at events[${i}]${issue.path.length ? `.${issue.path.join(".")}` : ""}: ${issue.message}`);
  });
}
