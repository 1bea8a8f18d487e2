import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { TScope } from "../engine/advance-together";
import type { TCohort } from "./cohort-rows";
import { handOn } from "./hand-on";
import { leaveWaitTogether } from "./leave-wait";

const uuids = (ids: string[]) => `{${ids.join(",")}}`;

type TMember = { id: string; profile_id: string; current_node_id: string | null; trigger: Record<string, unknown> | string | null };

export type TTakenPage = { taken: number; last: string | null; done: boolean };

/** Where a cohort's run is: the last member taken (pages go in id order) and how many were taken before. */
export type TCohortPosition = { after: string | null; taken: number };

/**
 * The next page of a timed wait's cohort (its active members after `after`, in id order) goes
 * on together: along the wait's way out for those still at the wait, and from where the trace
 * says they are for those a failed attempt of this page already moved. Then those still active
 * and not in another cohort (handed to their own run) leave it; finished ones keep it as the
 * last cohort they were in, which spares a write per profile. A retried page finds its members
 * still in the cohort, so nothing is left behind, and every step on the way is keyed (messages
 * per enrollment and node), so nothing happens twice.
 */
export async function takeWaitPage(cohort: TCohort, { after, taken }: TCohortPosition, limit: number): Promise<TTakenPage> {
  const db = await getDb();
  const members = rowsOf<TMember>(
    await db.execute(sql`select id, profile_id, current_node_id, trigger from journey_enrollments
      where cohort_id = ${cohort.id} and status = 'active' ${after ? sql`and id > ${after}` : sql``} order by id limit ${limit}`),
  );
  if (members.length === 0) return { taken: 0, last: null, done: true };
  const scope: TScope = { workspaceId: cohort.workspaceId, journeyId: cohort.journeyId, versionId: cohort.versionId, trigger: {}, triggers: triggersOf(members) };
  const handed = await leaveWaitTogether(scope, cohort.nodeId, members.map((m) => ({ enrollmentId: m.id, profileId: m.profile_id, currentNodeId: m.current_node_id, handle: "next", outcome: "waited" })));
  await handOn(scope, handed);
  await db.execute(sql`with left_cohort as (
      update journey_enrollments set cohort_id = null where id = any(${uuids(members.map((m) => m.id))}::uuid[]) and cohort_id = ${cohort.id} and status = 'active'
    )
    update journey_cohorts set moved = ${taken + members.length}, status = case when status = 'waiting' then 'moving' else status end where id = ${cohort.id}`);
  return { taken: members.length, last: members.at(-1)!.id, done: members.length < limit };
}

/** Each member's {{ event.* }}: the business event that brought it in (none for audience entries). */
function triggersOf(members: TMember[]): Map<string, Record<string, unknown>> {
  const triggers = new Map<string, Record<string, unknown>>();
  for (const m of members) {
    if (m.trigger) triggers.set(m.profile_id, typeof m.trigger === "string" ? (JSON.parse(m.trigger) as Record<string, unknown>) : m.trigger);
  }
  return triggers;
}
