import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { eventKeyOf, SCAN_KEY } from "./wait-keys";

/**
 * For each event name: whether some run waits for it (EXISTS stops at the first open wait,
 * whatever their number) and the key shapes filed for it (a few rows), in one round trip.
 */
export async function waitsAndShapesOf(db: DbOrTx, names: string[], now: Date): Promise<{ waitedFor: Set<string>; shapes: Map<string, string[]> }> {
  const rows = rowsOf<{ name: string; waited: boolean; shapes: string[] | string }>(
    await db.execute(sql`select n.name,
        exists (select 1 from wf_waits w where w.event_name = n.name and w.resolved_at is null and w.expires_at > ${now.toISOString()}::timestamptz) as waited,
        coalesce((select jsonb_agg(s.shape) from wf_match_shapes s where s.event_name = n.name), '[]'::jsonb) as shapes
      from jsonb_array_elements_text(${JSON.stringify(names)}::jsonb) as n(name)`),
  );
  const waitedFor = new Set(rows.filter((r) => r.waited).map((r) => r.name));
  const shapes = new Map(rows.map((r) => [r.name, typeof r.shapes === "string" ? (JSON.parse(r.shapes) as string[]) : r.shapes]));
  return { waitedFor, shapes };
}

/** The keys under which an event looks for waits or runs to cancel: one per shape it has values for, and the scan key. */
export function lookupKeysOf(event: { name: string }, shapes: Map<string, string[]>): string[] {
  const keys = [SCAN_KEY];
  for (const shape of shapes.get(event.name) ?? []) {
    const key = eventKeyOf(shape, event);
    if (key !== null) keys.push(key);
  }
  return keys;
}

/**
 * A statement filing shapes, to run as a CTE in front of the insert of what they key. It
 * writes only when a shape is new: after the first, it takes no lock that would make
 * concurrent registrations of the same shape wait on each other's commit.
 */
export function fileShapesCte(shapes: { eventName: string; shape: string }[]): SQL {
  const rows = JSON.stringify(shapes.map((s) => ({ event_name: s.eventName, shape: s.shape })));
  return sql`insert into wf_match_shapes (event_name, shape)
    select x.event_name, x.shape from jsonb_to_recordset(${rows}::jsonb) as x(event_name text, shape text)
    where not exists (select 1 from wf_match_shapes s where s.event_name = x.event_name and s.shape = x.shape)
    on conflict do nothing`;
}
