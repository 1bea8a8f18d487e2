import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { TJourneySettings } from "./graph/model";
import type { TEventReceived } from "@/server/events/publish-business-events";
import { enroll } from "./enroll";

/**
 * Exit criteria: the profile's active enrollments whose version says "leave when this event
 * happens" end now. Their runs stop at their next step (a sleeping run finds the enrollment
 * over when it wakes), so no message goes out after the exit event.
 */
export async function applyExitCriteria(e: TEventReceived): Promise<{ exited: number }> {
  const db = await getDb();
  // One statement (so atomic without a transaction): most business events exit nobody.
  const rows = await db.execute(sql`
    with exited as (
      update journey_enrollments en set status = 'exited', exit_reason = ${`Exit event: ${e.name}`}, finished_at = now()
      from journey_versions v
      where v.id = en.version_id and en.workspace_id = ${e.workspaceId} and en.profile_id = ${e.profileId} and en.status = 'active'
        and v.settings -> 'exitEventDefinitionIds' ? ${e.definitionId}
      returning en.id
    ), steps as (
      update journey_steps set finished_at = now(), outcome = ${`left: ${e.name}`}
      where enrollment_id in (select id from exited) and finished_at is null
    )
    select count(*)::int as n from exited`);
  return { exited: rowsOf<{ n: number }>(rows)[0]?.n ?? 0 };
}

/**
 * Event entries: every live journey entered by this business event takes the profile in
 * (re-entry permitting), and so does the test version of a journey in test mode when the
 * profile is a test profile.
 */
export async function enterOnEvent(e: TEventReceived): Promise<{ entered: number }> {
  const db = await getDb();
  const rows = await db.execute(sql`
    select j.id as journey_id, v.id as version_id, v.settings, v.is_test
    from journeys j
    join lateral (
      select * from journey_versions v
      where v.journey_id = j.id and ((j.status = 'live' and v.id = j.live_version_id) or (j.test_mode and v.is_test))
      order by v.is_test, v.created_at desc
    ) v on true
    where j.workspace_id = ${e.workspaceId}
      and exists (select 1 from jsonb_array_elements(v.graph -> 'nodes') n where n ->> 'type' = 'entry_event' and n -> 'data' ->> 'definitionId' = ${e.definitionId})`);
  const candidates = rowsOf<{ journey_id: string; version_id: string; settings: TJourneySettings; is_test: boolean }>(rows);
  // The newest test version only: older test versions are what the draft used to be.
  const seenTest = new Set<string>();
  let entered = 0;
  for (const c of candidates) {
    if (c.is_test) {
      if (seenTest.has(c.journey_id) || !(await isTestProfile(e.profileId))) continue;
      seenTest.add(c.journey_id);
    }
    if (c.settings.endsAt && new Date(c.settings.endsAt) <= new Date()) continue;
    const r = await enroll({ workspaceId: e.workspaceId, journeyId: c.journey_id, versionId: c.version_id, profileIds: [e.profileId], test: c.is_test, reEntry: c.settings.reEntry, trigger: { eventId: e.eventId, data: { name: e.name, ...e.properties } } });
    entered += r.entered;
  }
  return { entered };
}

async function isTestProfile(profileId: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db.execute(sql`select is_test from profiles where id = ${profileId}`);
  return rowsOf<{ is_test: boolean }>(rows)[0]?.is_test === true;
}
