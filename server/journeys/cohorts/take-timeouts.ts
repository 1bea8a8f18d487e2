import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { TRunStart } from "../engine/advance-together";
import { continueWaits, selectTaken, takenRows, takenWait } from "./continue-waits";

/** A timeout cohort: the profiles still waiting at a reaction or event wait when its deadline came. */
export interface TTimeoutCohort {
  id: string;
  workspaceId: string;
  journeyId: string;
  versionId: string;
  nodeId: string;
}

/**
 * Takes up to `limit` of the cohort's waiting profiles down the node's timeout path. The rows
 * are deleted as they are taken: an event that takes the same row at the same instant (the
 * intake's delete) either gets it or finds it gone, so each profile goes exactly one way.
 * `handed`: the profiles continueTogether gave to their own durable runs (the caller starts
 * them); `more`: rows of the cohort are left for another page.
 */
export async function takeTimeoutPage(cohort: TTimeoutCohort, limit: number): Promise<{ moved: number; handed: TRunStart[]; more: boolean }> {
  const db = await getDb();
  const rows = takenRows(
    await db.execute(sql`
      with taken as (
        delete from journey_waits w
        where w.cohort_id = ${cohort.id} and w.version_id = ${cohort.versionId} and w.node_id = ${cohort.nodeId}
          and w.enrollment_id in (select enrollment_id from journey_waits where cohort_id = ${cohort.id} limit ${limit})
        returning w.*
      )
      ${selectTaken()}`),
  );
  const taken = rows.filter((r) => r.active).map((r) => takenWait(r, { handle: "timeout", outcome: "timeout" }));
  const groups = await continueWaits(taken);
  // Fewer than asked: the cohort is empty, or an event took some of the chosen rows meanwhile.
  const more = rows.length >= limit || rowsOf(await db.execute(sql`select 1 from journey_waits where cohort_id = ${cohort.id} limit 1`)).length > 0;
  return { moved: taken.length, handed: groups.flatMap((g) => g.handed), more };
}
