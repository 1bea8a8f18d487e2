import { inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { wfMatchShapes } from "@/db/schema";
import { eventKeyOf, SCAN_KEY } from "./wait-keys";

/** The key shapes filed per event name: a few rows whatever the number of waits. */
export async function shapesOf(db: DbOrTx, names: string[]): Promise<Map<string, string[]>> {
  const shapes = new Map<string, string[]>();
  if (names.length === 0) return shapes;
  const rows = await db.select().from(wfMatchShapes).where(inArray(wfMatchShapes.eventName, names));
  for (const { eventName, shape } of rows) shapes.set(eventName, [...(shapes.get(eventName) ?? []), shape]);
  return shapes;
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
