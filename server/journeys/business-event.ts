import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { TJourneySettings } from "./graph/model";
import type { TEventReceived } from "@/server/events/publish-business-events";
import { enroll, type TEntryTrigger } from "./enroll";
import { takeEventWaits } from "./cohorts/take-event-waits";
import { enqueueJourneyExits, type TFinished } from "@/server/webhooks/journey-webhooks";

const uuids = (ids: string[]) => `{${ids.join(",")}}`;

/**
 * A batch of business events, in rounds where each profile has one event: per round, first
 * the exits the events trigger, then the event waits they end (cohorts/take-event-waits.ts),
 * then the journeys they enter. A profile's events keep their
 * order (an entry then an exit is not an exit then an entry); different profiles' events
 * are handled together, a few statements for the whole round.
 */
export async function handleBusinessEvents(events: TEventReceived[]): Promise<{ exited: number; received: number; entered: number }> {
  let exited = 0;
  let received = 0;
  let entered = 0;
  for (const round of roundsByProfile(events.filter((e) => !e.skip))) {
    exited += await applyExitCriteria(round);
    // Before entries: an event that enters a journey is not the one its first wait waits for.
    received += await takeEventWaits(round);
    entered += await enterOnEvents(round);
  }
  return { exited, received, entered };
}

export function roundsByProfile<T extends { profileId: string }>(events: T[]): T[][] {
  const rounds: T[][] = [];
  const seen = new Map<string, number>();
  for (const e of events) {
    const n = seen.get(e.profileId) ?? 0;
    seen.set(e.profileId, n + 1);
    (rounds[n] ??= []).push(e);
  }
  return rounds;
}

/**
 * Exit criteria: the profiles' active enrollments whose version says "leave when this event
 * happens" end now. Their runs stop at their next step (a sleeping run finds the enrollment
 * over when it wakes), so no message goes out after the exit event. One statement, so atomic.
 */
async function applyExitCriteria(round: TEventReceived[]): Promise<number> {
  const db = await getDb();
  const events = JSON.stringify(round.map((e) => ({ workspace_id: e.workspaceId, profile_id: e.profileId, definition_id: e.definitionId, name: e.name })));
  const rows = await db.execute(sql`
    with ev as (
      select * from jsonb_to_recordset(${events}::jsonb) as x(workspace_id uuid, profile_id uuid, definition_id text, name text)
    ), exited as (
      update journey_enrollments en set status = 'exited', exit_reason = 'Exit event: ' || ev.name, finished_at = now()
      from ev, journey_versions v
      where v.id = en.version_id and en.workspace_id = ev.workspace_id and en.profile_id = ev.profile_id and en.status = 'active'
        and v.settings -> 'exitEventDefinitionIds' ? ev.definition_id
      returning en.id, ev.name, en.workspace_id, en.journey_id, en.profile_id, en.is_test
    ), steps as (
      update journey_steps s set finished_at = now(), outcome = 'left: ' || exited.name
      from exited where s.enrollment_id = exited.id and s.finished_at is null
    ), waits as (
      delete from journey_waits w using exited where w.enrollment_id = exited.id
    )
    select count(*)::int as n, coalesce(json_agg(json_build_object('id', id, 'workspace_id', workspace_id, 'journey_id', journey_id, 'profile_id', profile_id, 'is_test', is_test, 'reason', 'Exit event: ' || name)), '[]'::json) as finished from exited`);
  const row = rowsOf<{ n: number; finished: TFinished[] | string }>(rows)[0];
  if (row?.n) await enqueueJourneyExits(typeof row.finished === "string" ? (JSON.parse(row.finished) as TFinished[]) : row.finished, "exited", null);
  return row?.n ?? 0;
}

type TCandidate = { journey_id: string; version_id: string; definition_id: string; settings: TJourneySettings; is_test: boolean };

/**
 * Event entries: every live journey entered by one of these business events takes its
 * profiles in (re-entry permitting), together; so does the newest test version of a journey
 * in test mode, for test profiles only.
 */
async function enterOnEvents(round: TEventReceived[]): Promise<number> {
  let entered = 0;
  for (const workspaceId of new Set(round.map((e) => e.workspaceId))) {
    const events = round.filter((e) => e.workspaceId === workspaceId);
    const candidates = await journeysEnteredBy(workspaceId, [...new Set(events.map((e) => e.definitionId))]);
    const testProfiles = candidates.some((c) => c.is_test) ? await testProfilesOf(events.map((e) => e.profileId)) : new Set<string>();
    const seenTest = new Set<string>(); // older test versions are what the draft used to be
    for (const c of candidates) {
      if (c.is_test && seenTest.has(c.journey_id)) continue;
      if (c.is_test) seenTest.add(c.journey_id);
      if (c.settings.endsAt && new Date(c.settings.endsAt) <= new Date()) continue;
      const those = events.filter((e) => e.definitionId === c.definition_id && (!c.is_test || testProfiles.has(e.profileId)));
      if (those.length === 0) continue;
      const triggers = new Map<string, TEntryTrigger>(those.map((e) => [e.profileId, { eventId: e.eventId, data: { name: e.name, ...e.properties } }]));
      const r = await enroll({ workspaceId, journeyId: c.journey_id, versionId: c.version_id, profileIds: [...triggers.keys()], test: c.is_test, reEntry: c.settings.reEntry, triggers });
      entered += r.entered;
    }
  }
  return entered;
}

async function journeysEnteredBy(workspaceId: string, definitionIds: string[]): Promise<TCandidate[]> {
  const db = await getDb();
  const rows = await db.execute(sql`
    select j.id as journey_id, v.id as version_id, v.definition_id, v.settings, v.is_test
    from journeys j
    join lateral (
      select v.*, (select n -> 'data' ->> 'definitionId' from jsonb_array_elements(v.graph -> 'nodes') n where n ->> 'type' = 'entry_event' limit 1) as definition_id
      from journey_versions v
      where v.journey_id = j.id and ((j.status = 'live' and v.id = j.live_version_id) or (j.test_mode and v.is_test))
    ) v on true
    where j.workspace_id = ${workspaceId} and v.definition_id = any(${`{${definitionIds.join(",")}}`}::text[])
    order by j.id, v.is_test, v.created_at desc`);
  return rowsOf<TCandidate>(rows);
}

async function testProfilesOf(profileIds: string[]): Promise<Set<string>> {
  const db = await getDb();
  const rows = await db.execute(sql`select id from profiles where id = any(${uuids(profileIds)}::uuid[]) and is_test`);
  return new Set(rowsOf<{ id: string }>(rows).map((r) => r.id));
}
