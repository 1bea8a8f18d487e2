import { sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { canPublishEvents, inngest } from "@/server/workflows/client";
import { journeyEnrollmentStarted } from "@/server/workflows/events";
import { advanceTogether, type TRunStart, type TStartAt } from "./engine/advance-together";
import type { TJourneySettings } from "./graph/model";

export interface TEnrollRequest {
  workspaceId: string;
  journeyId: string;
  versionId: string;
  profileIds: string[];
  test: boolean;
  reEntry: TJourneySettings["reEntry"];
  /** The business event that brought the profile in (event entries). */
  trigger?: { eventId: string; data: Record<string, unknown> };
}

export type TEnrolled = { enrollmentId: string; profileId: string };

/**
 * Enrolls the profiles that the re-entry policy lets in, in one statement: never = once per
 * journey; after N days = when their last entry is older and they are not inside any more.
 * Test profiles can always come back once their previous test run is over.
 */
export async function insertEnrollments(tx: DbOrTx, r: TEnrollRequest): Promise<TEnrolled[]> {
  if (r.profileIds.length === 0) return [];
  const blocking = r.test
    ? sql`e.status = 'active'`
    : r.reEntry.mode === "never"
      ? sql`true`
      : sql`(e.status = 'active' or e.entered_at > now() - make_interval(days => ${r.reEntry.days}))`;
  const rows = await tx.execute(sql`
    insert into journey_enrollments (workspace_id, journey_id, version_id, profile_id, is_test, trigger_event_id, trigger)
    select ${r.workspaceId}, ${r.journeyId}, ${r.versionId}, p.id, ${r.test}, ${r.trigger?.eventId ?? null}, ${r.trigger ? JSON.stringify(r.trigger.data) : null}::jsonb
    from profiles p
    where p.id = any(${`{${r.profileIds.join(",")}}`}::uuid[]) and p.workspace_id = ${r.workspaceId}
      and not exists (select 1 from journey_enrollments e where e.journey_id = ${r.journeyId} and e.profile_id = p.id and e.is_test = ${r.test} and ${blocking})
    on conflict do nothing
    returning id, profile_id`);
  return rowsOf<{ id: string; profile_id: string }>(rows).map((x) => ({ enrollmentId: x.id, profileId: x.profile_id }));
}

/** Starts one journey.run per enrollment (their ids make a redelivery start nothing twice). */
export async function startRuns(r: Pick<TEnrollRequest, "workspaceId" | "journeyId" | "versionId" | "test" | "trigger">, starts: (TEnrolled & { resume?: TRunStart["resume"] })[]): Promise<void> {
  if (starts.length === 0 || !canPublishEvents()) return;
  const trigger = r.trigger ? { trigger: r.trigger.data } : {};
  for (let i = 0; i < starts.length; i += 500) {
    await inngest.send(
      starts.slice(i, i + 500).map((e) =>
        journeyEnrollmentStarted.create(
          { workspaceId: r.workspaceId, journeyId: r.journeyId, versionId: r.versionId, enrollmentId: e.enrollmentId, profileId: e.profileId, test: r.test, ...(e.resume ? { resume: e.resume, ...trigger } : {}) },
          { id: `journey-enrollment-${e.enrollmentId}` },
        ),
      ),
    );
  }
}

/**
 * Enrolls and starts, serialized per journey so two entries of one profile cannot race past
 * re-entry. Live profiles take the first steps together (advance-together.ts) and their runs
 * start where they wait; test profiles' runs start at the entry, step by step for the test
 * panel. Safe to repeat (a retried step): the request's active enrollments go on from where
 * their trace says they are, and start events dedupe by id.
 */
export async function enroll(r: TEnrollRequest): Promise<{ entered: number }> {
  const db = await getDb();
  const inserted = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`journey-entry:${r.journeyId}`}))`);
    return insertEnrollments(tx, r);
  });
  const active = await activeEnrollments(r.versionId, r.profileIds, r.trigger?.eventId);
  if (r.test || !canPublishEvents()) await startRuns(r, active);
  else await startRuns(r, await advanceTogether({ workspaceId: r.workspaceId, journeyId: r.journeyId, versionId: r.versionId, trigger: r.trigger?.data ?? {} }, active));
  return { entered: inserted.length };
}

/**
 * The active enrollments of a version among these profiles, with the node each is at: after a
 * retried step, the ones whose first steps or start event may not have happened.
 */
export async function activeEnrollments(versionId: string, profileIds: string[], triggerEventId?: string): Promise<TStartAt[]> {
  if (profileIds.length === 0) return [];
  const db = await getDb();
  const rows = await db.execute(sql`select id, profile_id, current_node_id from journey_enrollments
    where version_id = ${versionId} and status = 'active' and profile_id = any(${`{${profileIds.join(",")}}`}::uuid[])
    ${triggerEventId ? sql`and trigger_event_id = ${triggerEventId}` : sql``}`);
  return rowsOf<{ id: string; profile_id: string; current_node_id: string | null }>(rows).map((x) => ({ enrollmentId: x.id, profileId: x.profile_id, currentNodeId: x.current_node_id }));
}
