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
 * Members keep the cohort (journey_enrollments.cohort_id) until they are on their way: a page
 * that failed after taking its rows is found again by a retry (the drain of decided waits frees
 * its profiles once they are on their way). `handed`: the profiles leaveWaitTogether
 * gave to their own durable runs (the caller hands them on); `more`: rows are left.
 */
export async function takeTimeoutPage(cohort: TTimeoutCohort, limit: number): Promise<{ moved: number; handed: TRunStart[]; more: boolean }> {
  const db = await getDb();
  const failed = rowsOf<TMember>(
    await db.execute(sql`select e.id as enrollment_id, e.profile_id, e.current_node_id, e.trigger from journey_enrollments e
      where e.cohort_id = ${cohort.id} and e.status = 'active'
        and not exists (select 1 from journey_waits w where w.enrollment_id = e.id and w.node_id = ${cohort.nodeId}) limit ${limit}`),
  );
  const rows = takenRows(
    await db.execute(sql`
      with taken as (
        delete from journey_waits w
        where w.cohort_id = ${cohort.id} and w.version_id = ${cohort.versionId} and w.node_id = ${cohort.nodeId} and w.decided is null
          and w.enrollment_id in (select enrollment_id from journey_waits where cohort_id = ${cohort.id} and decided is null limit ${Math.max(0, limit - failed.length)})
        returning w.*
      )
      ${selectTaken()}`),
  );
  const members: TMember[] = [...failed, ...rows.filter((r) => r.active).map((r) => ({ ...r, current_node_id: cohort.nodeId }))];
  const scope: TScope = { workspaceId: cohort.workspaceId, journeyId: cohort.journeyId, versionId: cohort.versionId, trigger: {}, triggers: new Map(members.map((m) => [m.profile_id, jsonOf(m.trigger)])) };
  const handed = await leaveWaitTogether(scope, cohort.nodeId, members.map((m) => ({ enrollmentId: m.enrollment_id, profileId: m.profile_id, currentNodeId: m.current_node_id, handle: "timeout", outcome: "timeout" })));
  if (members.length) await db.execute(sql`update journey_enrollments set cohort_id = null where id = any(${uuids(members.map((m) => m.enrollment_id))}::uuid[]) and cohort_id = ${cohort.id}`);
  // Fewer than asked: the cohort is empty, or an event took some of the chosen rows meanwhile.
  const more = failed.length + rows.length >= limit || rowsOf(await db.execute(sql`select 1 from journey_waits where cohort_id = ${cohort.id} and decided is null limit 1`)).length > 0;
  // An event decided some but their drain never ran (a crash between the two): drain them now.
  if (!more && rowsOf(await db.execute(sql`select 1 from journey_waits where cohort_id = ${cohort.id} and decided is not null and (taken_until is null or taken_until < now()) limit 1`)).length > 0) await drainDecided([cohort.workspaceId], true);
  return { moved: members.length, handed, more };
}
