import { asc, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { wfRuns } from "@/db/schema";
import type { TStoredEvent } from "./context";
import { matches } from "./expressions";
import { lookupKeysOf } from "./match-shapes";
import { resumeWaitingRuns } from "./resume-waiting-runs";

type TCandidate = { id: string; run_id: string; expression: string | null; event_name: string; match_key: string; run_event: unknown };

/**
 * The open waits these events match are resolved, in a few statements for the whole batch:
 * each run gets its event as the step's result and is called again. Candidates are found by
 * key (wait-keys.ts) and read without locks; a wait goes to the first event of the batch that
 * matches it. Their runs are locked in id order, then the waits resolved by an update that
 * re-checks they are open: of two concurrent intakes matching a wait, one resolves it and
 * the other waits for it and sees it resolved. Never skipped, never resolved twice.
 */
export async function resolveWaits(tx: Tx, events: TStoredEvent[], now: Date, shapes: Map<string, string[]>): Promise<boolean> {
  if (events.length === 0) return false;
  const keysOf = events.map((event) => lookupKeysOf(event, shapes));
  const pairs = new Map(events.flatMap((event, i) => keysOf[i]!.map((key) => [`${event.name}\u0000${key}`, { name: event.name, key }] as const)));
  const candidates = rowsOf<TCandidate>(
    await tx.execute(sql`select w.id, w.run_id, w.expression, w.event_name, w.match_key, r.event as run_event
      from wf_waits w join wf_runs r on r.id = w.run_id
      where (w.event_name, w.match_key) in (select x.name, x.key from jsonb_to_recordset(${JSON.stringify([...pairs.values()])}::jsonb) as x(name text, key text))
        and w.resolved_at is null and w.expires_at > ${now.toISOString()}::timestamptz`),
  );
  const byKey = new Map<string, TCandidate[]>();
  for (const c of candidates) {
    const key = `${c.event_name}\u0000${c.match_key}`;
    byKey.set(key, byKey.get(key) ?? []).get(key)!.push(c);
  }
  const eventOf = new Map<string, TStoredEvent>(); // wait id -> the event that resolves it
  for (const [i, event] of events.entries()) {
    for (const key of keysOf[i]!) {
      for (const wait of byKey.get(`${event.name}\u0000${key}`) ?? []) {
        if (eventOf.has(wait.id)) continue;
        const runEvent = typeof wait.run_event === "string" ? JSON.parse(wait.run_event) : wait.run_event;
        if (matches(wait.expression, { event: runEvent, async: event })) eventOf.set(wait.id, event);
      }
    }
  }
  if (eventOf.size === 0) return false;
  // Runs before waits, in id order, as a call's transaction and a wait's timeout lock them.
  const runIds = [...new Set(candidates.filter((c) => eventOf.has(c.id)).map((c) => c.run_id))];
  await tx.select({ id: wfRuns.id }).from(wfRuns).where(inArray(wfRuns.id, runIds)).orderBy(asc(wfRuns.id)).for("update");
  const resolved = rowsOf<{ id: string; run_id: string; step_id: string; created_at: string | Date }>(
    await tx.execute(sql`update wf_waits set resolved_at = ${now.toISOString()}::timestamptz
      where id in (select jsonb_array_elements_text(${JSON.stringify([...eventOf.keys()])}::jsonb)::uuid) and resolved_at is null
      returning id, run_id, step_id, created_at`),
  );
  return resumeWaitingRuns(tx, resolved.map((w) => ({ runId: w.run_id, stepId: w.step_id, createdAt: new Date(w.created_at), event: eventOf.get(w.id)! })), now);
}
