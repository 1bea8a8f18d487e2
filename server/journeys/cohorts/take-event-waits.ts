import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { workflowNow } from "@/server/workflows/embedded/clock";
import { rowsOf } from "@/db/rows";
import { drainDecided } from "./drain-decided";

/** A business event as the intake needs it (TEventReceived's fields). */
export interface TWaitedEvent {
  workspaceId: string;
  profileId: string;
  definitionId: string;
  eventId: string;
  name: string;
  properties: Record<string, unknown>;
}

/**
 * Business events decide the waits of the profiles waiting for them (journey_waits of kind
 * 'event', keyed by `<profileId>:<definitionId>`, whose property filters all hold): "received",
 * one statement for the batch; the workspace's drain takes them on (take-decided.ts). The
 * event becomes the profile's trigger (stored on its enrollment), so later steps personalize
 * with {{ event.* }} as after a run's wait. Each profile should have one event in the batch
 * (business-event.ts hands them in rounds).
 */
export async function takeEventWaits(events: TWaitedEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const db = await getDb();
  const ev = JSON.stringify(events.map((e, n) => ({ n, workspace_id: e.workspaceId, key: `${e.profileId}:${e.definitionId}`, event_id: e.eventId, name: e.name, properties: e.properties })));
  const keys = `{${[...new Set(events.map((e) => `"${e.profileId}:${e.definitionId}"`))].join(",")}}`;
  const rows = rowsOf<{ workspace_id: string }>(
    await db.execute(sql`
      with ev as (select * from jsonb_to_recordset(${ev}::jsonb) as x(n int, workspace_id uuid, key text, event_id uuid, name text, properties jsonb)),
      waiting as (
        select w.enrollment_id, w.node_id, (
          select ev.n from ev where ev.key = w.key and ev.workspace_id = w.workspace_id
            and not exists (select 1 from jsonb_array_elements(w.accepts -> 'where') f where ev.properties -> (f ->> 'key') is distinct from f -> 'value')
          order by ev.n limit 1) as n
        from journey_waits w
        where w.kind = 'event' and w.key = any(${keys}::text[]) and w.decided is null and w.deadline > ${workflowNow().toISOString()}
      ),
      decided as (
        update journey_waits w set decided_at = now(),
          decided = jsonb_build_object('handle', 'received', 'outcome', 'received', 'detail', jsonb_build_object('eventId', ev.event_id))
        from waiting, ev
        where w.enrollment_id = waiting.enrollment_id and w.node_id = waiting.node_id and ev.n = waiting.n and w.decided is null
        returning w.enrollment_id, w.workspace_id, jsonb_build_object('name', ev.name) || ev.properties as event
      ),
      stored as (
        update journey_enrollments e set trigger = d.event from decided d where e.id = d.enrollment_id and e.status = 'active'
      )
      select workspace_id from decided`),
  );
  await drainDecided(rows.map((r) => r.workspace_id));
  return rows.length;
}
