import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { TEnrollmentStatus } from "@/db/schema";
import { enqueueJourneyExits, type TFinished } from "@/server/webhooks/journey-webhooks";
import type { TLeft } from "./trace";

/** A profile of a page at a node: its enrollment, and the step it is leaving (closed on entering). */
export interface TAt {
  enrollmentId: string;
  profileId: string;
  left: TLeft | null;
}

const uuids = (ids: string[]) => `{${ids.join(",")}}`;
const leftRows = (ats: Pick<TAt, "enrollmentId" | "left">[]) => JSON.stringify(ats.flatMap((a) => (a.left ? [{ enrollment_id: a.enrollmentId, node_id: a.left.nodeId, outcome: a.left.outcome, detail: a.left.detail ?? null }] : [])));

/**
 * enterNode for many profiles in one statement: closes the steps they leave, opens the step
 * of `nodeId` and moves them there. Returns the enrollments still active (the others were
 * ended by an exit event or a stop and go no further). Idempotent like enterNode.
 */
export async function enterTogether(ats: TAt[], journeyId: string, nodeId: string, isTest = false): Promise<TAt[]> {
  if (ats.length === 0) return [];
  const db = await getDb();
  const rows = await db.execute(enterStatement(ats, journeyId, nodeId, isTest));
  const active = new Set(rowsOf<{ id: string }>(rows).map((r) => r.id));
  return ats.filter((a) => active.has(a.enrollmentId));
}

/**
 * enterTogether then finishTogether at an exit node, in one statement: closes the steps they
 * leave, records the exit step already closed ("exited") and completes the enrollments. Those
 * an exit event or a stop ended meanwhile are left as they are.
 */
export async function exitTogether(ats: TAt[], journeyId: string, nodeId: string): Promise<void> {
  if (ats.length === 0) return;
  const db = await getDb();
  const finished = rowsOf<TFinished>(await db.execute(exitStatement(ats, journeyId, nodeId)));
  await enqueueJourneyExits(finished, "completed", null);
}

/** finishEnrollment for many: closes their last step and the enrollment, in one statement. */
export async function finishTogether(ats: Pick<TAt, "enrollmentId" | "left">[], status: TEnrollmentStatus, reason: string | null = null): Promise<void> {
  if (ats.length === 0) return;
  const db = await getDb();
  const finished = rowsOf<TFinished>(await db.execute(finishStatement(ats, status, reason)));
  await enqueueJourneyExits(finished, status, reason);
}

/**
 * Closes the steps `ats` leave. The planner guesses 100 rows for jsonb_to_recordset and would
 * hash-join all of journey_steps; the ids as an array let it read the unique index instead.
 */
const closeSteps = (ats: Pick<TAt, "enrollmentId" | "left">[], onlyOpen = false) => sql`
  update journey_steps s set finished_at = coalesce(s.finished_at, now()), outcome = x.outcome, detail = x.detail
  from jsonb_to_recordset(${leftRows(ats)}::jsonb) as x(enrollment_id uuid, node_id text, outcome text, detail jsonb)
  where s.enrollment_id = any(${uuids(ats.map((a) => a.enrollmentId))}::uuid[]) and s.enrollment_id = x.enrollment_id and s.node_id = x.node_id${onlyOpen ? sql` and s.finished_at is null` : sql``}`;

/**
 * The statement of enterTogether (exported for the test of its plan). Only steps still open are
 * closed: an enrollment ended meanwhile (exit event, stop) had its steps closed by what ended
 * it, and a retry finds its own closed already. (Checking the moved enrollments here instead
 * made the planner loop over them once per row: 80 ms for a page of 500.)
 */
export const enterStatement = (ats: TAt[], journeyId: string, nodeId: string, isTest: boolean) => sql`
  with moved as (
    update journey_enrollments set current_node_id = ${nodeId} where ${activeOf(ats)} returning id
  ), closed as (
    ${closeSteps(ats, true)}
  ), opened as (
    insert into journey_steps (enrollment_id, journey_id, node_id, is_test)
    select id, ${journeyId}, ${nodeId}, ${isTest} from moved on conflict do nothing
  )
  select id from moved`;

/**
 * The active ones among `ats`, for the update that moves them (a statement's first CTE). The
 * update locks them itself, in the index's (id) order, and rechecks `active` on a row that an
 * exit event or a stop changed meanwhile: no `select … for update` first, which wrote each
 * row's lock before the update wrote the row again.
 */
const activeOf = (ats: Pick<TAt, "enrollmentId">[]) => sql`id = any(${uuids(ats.map((a) => a.enrollmentId))}::uuid[]) and status = 'active'`;

/** The statement of exitTogether (exported for the test of its plan). */
export const exitStatement = (ats: TAt[], journeyId: string, nodeId: string) => sql`
  with finished as (
    update journey_enrollments set current_node_id = ${nodeId}, status = 'completed', exit_reason = null, finished_at = now()
    where ${activeOf(ats)} returning id, workspace_id, journey_id, profile_id, is_test
  ), closed as (
    ${closeSteps(ats, true)}
  ), exited as (
    insert into journey_steps (enrollment_id, journey_id, node_id, is_test, finished_at, outcome)
    select id, ${journeyId}, ${nodeId}, false, now(), 'exited' from finished
    on conflict (enrollment_id, node_id) do update set finished_at = coalesce(journey_steps.finished_at, now()), outcome = 'exited'
  )
  select * from finished`;

/** The statement of finishTogether (exported for the test of its plan). */
export const finishStatement = (ats: Pick<TAt, "enrollmentId" | "left">[], status: TEnrollmentStatus, reason: string | null) => sql`
  with closed as (${closeSteps(ats)})
  update journey_enrollments set status = ${status}, exit_reason = ${reason}, finished_at = now()
  where id = any(${uuids(ats.map((a) => a.enrollmentId))}::uuid[]) and status = 'active'
  returning id, workspace_id, journey_id, profile_id, is_test`;

/** The profiles' zones, for waits until a time of day. */
export async function timezonesOf(profileIds: string[]): Promise<Map<string, string | null>> {
  if (profileIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.execute(sql`select id, timezone from profiles where id = any(${uuids(profileIds)}::uuid[])`);
  return new Map(rowsOf<{ id: string; timezone: string | null }>(rows).map((r) => [r.id, r.timezone]));
}
