import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { TRunStart, TScope } from "../engine/advance-together";
import { leaveWaitTogether } from "./leave-wait";
import { jsonOf, selectTaken, takenRows } from "./taken-waits";
import { drainDecided } from "./drain-decided";

/** A timeout cohort: the profiles still waiting at a reaction or event wait when its deadline came. */
export interface TTimeoutCohort {
  id: string;
  workspaceId: string;
  journeyId: string;
  versionId: string;
  nodeId: string;
}

const uuids = (ids: string[]) => `{${ids.join(",")}}`;
type TMember = { enrollment_id: string; profile_id: string; current_node_id: string | null; trigger: Record<string, unknown> | string | null };

/**
 * Takes up to `limit` of the cohort's waiting profiles down the node's timeout path. Only
 * undecided rows are taken, deleted as they are: an event deciding the same row at the same
 * instant (the intake's update) either gets it or finds it gone, so each profile goes exactly
 * one way; a decided row is its drain's (take-decided.ts).
 * Members keep the cohort (journey_enrollments.cohort_id) until they are on their way: those a
 * failed page took are found again once the rows run out (the drain of decided waits frees its
 * profiles once they are on their way). `handed`: the profiles leaveWaitTogether
 * gave to their own durable runs (the caller hands them on); `more`: rows are left.
 */
export async function takeTimeoutPage(cohort: TTimeoutCohort, limit: number): Promise<{ moved: number; handed: TRunStart[]; more: boolean }> {
  const db = await getDb();
  // The page's rows are picked once (materialized) and deleted by their primary key: written as
  // `enrollment_id in (select … limit n)`, the planner (with the statistics of an empty table:
  // PGlite and this host run no autovacuum) ran the subquery again for each row of the cohort,
  // 760 ms a page of 500.
  const rows = takenRows(
    await db.execute(sql`
      with picked as materialized (
        select enrollment_id from journey_waits where cohort_id = ${cohort.id} and decided is null limit ${limit}
      ), taken as (
        delete from journey_waits w using picked p
        where w.enrollment_id = p.enrollment_id and w.node_id = ${cohort.nodeId} and w.decided is null
        returning w.*
      )
      ${selectTaken()}`),
  );
  // Once the rows run out, members a failed page took but did not move (still active, still in
  // the cohort, their row gone) fill the page: one look per cohort instead of one per page.
  const room = limit - rows.length;
  const failed = room > 0 ? await failedMembers(cohort, rows.map((r) => r.enrollment_id), room) : [];
  const members: TMember[] = [...failed, ...rows.filter((r) => r.active).map((r) => ({ ...r, current_node_id: cohort.nodeId }))];
  const scope: TScope = { workspaceId: cohort.workspaceId, journeyId: cohort.journeyId, versionId: cohort.versionId, trigger: {}, triggers: new Map(members.map((m) => [m.profile_id, jsonOf(m.trigger)])) };
  const handed = await leaveWaitTogether(scope, cohort.nodeId, members.map((m) => ({ enrollmentId: m.enrollment_id, profileId: m.profile_id, currentNodeId: m.current_node_id, handle: "timeout", outcome: "timeout" })));
  // Finished ones keep the cohort as the last they were in (as take-wait-page.ts): a write spared.
  if (members.length) await db.execute(sql`update journey_enrollments set cohort_id = null where id = any(${uuids(members.map((m) => m.enrollment_id))}::uuid[]) and cohort_id = ${cohort.id} and status = 'active'`);
  // Fewer than asked: the cohort is empty, or an event took some of the chosen rows meanwhile.
  const more = rows.length >= limit || failed.length >= room || rowsOf(await db.execute(sql`select 1 from journey_waits where cohort_id = ${cohort.id} and decided is null limit 1`)).length > 0;
  // An event decided some but their drain never ran (a crash between the two): drain them now.
  if (!more && rowsOf(await db.execute(sql`select 1 from journey_waits where cohort_id = ${cohort.id} and decided is not null and (taken_until is null or taken_until < now()) limit 1`)).length > 0) await drainDecided([cohort.workspaceId], true);
  return { moved: members.length, handed, more };
}

/** Active members of the cohort whose wait row is gone (a failed page deleted it), other than `taking`. */
async function failedMembers(cohort: TTimeoutCohort, taking: string[], limit: number): Promise<TMember[]> {
  const db = await getDb();
  return rowsOf<TMember>(
    await db.execute(sql`select e.id as enrollment_id, e.profile_id, e.current_node_id, e.trigger from journey_enrollments e
      where e.cohort_id = ${cohort.id} and e.status = 'active' and e.id <> all(${uuids(taking)}::uuid[])
        and not exists (select 1 from journey_waits w where w.enrollment_id = e.id and w.node_id = ${cohort.nodeId}) limit ${limit}`),
  );
}
