import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { workflowNow } from "@/server/workflows/embedded/clock";
import { continueWaits, handOnGroups, selectTaken, takenRows, takenWait, type TTakenRow } from "./continue-waits";

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
 * Business events take the profiles waiting for them (journey_waits of kind 'event', keyed by
 * `<profileId>:<definitionId>`, whose property filters all hold) down the "received" path,
 * together: one statement for the batch takes them (and out of their timeout cohort). The event becomes the profile's trigger (stored on
 * its enrollment), so later steps personalize with {{ event.* }} as after a run's wait. Each
 * profile should have one event in the batch (business-event.ts hands them in rounds).
 */
export async function takeEventWaits(events: TWaitedEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const db = await getDb();
  const ev = JSON.stringify(events.map((e, n) => ({ n, workspace_id: e.workspaceId, key: `${e.profileId}:${e.definitionId}`, event_id: e.eventId, name: e.name, properties: e.properties })));
  const keys = `{${[...new Set(events.map((e) => `"${e.profileId}:${e.definitionId}"`))].join(",")}}`;
  const rows = takenRows<TTakenRow & { event_id: string }>(
    await db.execute(sql`
      with ev as (select * from jsonb_to_recordset(${ev}::jsonb) as x(n int, workspace_id uuid, key text, event_id uuid, name text, properties jsonb)),
      waiting as (
        select w.enrollment_id, w.node_id, (
          select ev.n from ev where ev.key = w.key and ev.workspace_id = w.workspace_id
            and not exists (select 1 from jsonb_array_elements(w.accepts -> 'where') f where ev.properties -> (f ->> 'key') is distinct from f -> 'value')
          order by ev.n limit 1) as n
        from journey_waits w
        where w.kind = 'event' and w.key = any(${keys}::text[]) and w.deadline > ${workflowNow().toISOString()}
      ),
      taken as (
        delete from journey_waits w using waiting, ev
        where w.enrollment_id = waiting.enrollment_id and w.node_id = waiting.node_id and ev.n = waiting.n
        returning w.*, ev.event_id, jsonb_build_object('name', ev.name) || ev.properties as event
      ),
      stored as (
        update journey_enrollments e set trigger = t.event, cohort_id = case when e.cohort_id = t.cohort_id then null else e.cohort_id end
        from taken t where e.id = t.enrollment_id and e.status = 'active'
      )
      select t.enrollment_id, e.profile_id, t.workspace_id, t.journey_id, t.version_id, t.node_id, t.event as trigger, coalesce(e.status = 'active', false) as active, t.event_id
      from taken t left join journey_enrollments e on e.id = t.enrollment_id`),
  );
  const taken = rows.filter((r) => r.active).map((r) => takenWait(r, { handle: "received", outcome: "received", detail: { eventId: r.event_id } }));
  await handOnGroups(await continueWaits(taken));
  return taken.length;
}
