import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { workflowNow } from "@/server/workflows/embedded/clock";
import { parseDuration } from "@/server/workflows/embedded/durations";
import { durationString, type TJourneyNode } from "../graph/model";
import type { TNodeData } from "../graph/nodes";
import type { TScope } from "../engine/advance-together";
import { journeyMessageKey, reactionTypes } from "../engine/conditions";
import type { TAt } from "../engine/trace-together";
import { freeTaken } from "./taken-waits";
import { openCohort, startCohortRuns } from "./open-cohort";

type TWaitNode = TNodeData<"reaction"> | TNodeData<"wait_event">;

const baseline = Symbol.for("parcours.journeys.perProfileEventWaits");
const g = globalThis as typeof globalThis & { [baseline]?: boolean };

/** Benchmarks only: reactions and event waits in a journey.run per profile, as before journey_waits, to measure against. */
export function waitPerProfileForBaseline(on: boolean): void {
  g[baseline] = on;
}

export const waitsAsRows = () => !g[baseline];
const uuids = (ids: string[]) => `{${ids.join(",")}}`;

/**
 * Live profiles of a page that reach a reaction or an event wait wait as journey_waits rows,
 * found by key when their message event or business event comes in (take-reactions.ts,
 * take-event-waits.ts); those still there at the deadline are one timeout cohort's
 * (take-timeouts.ts). Returns the moves of the profiles whose message was reacted to already:
 * they go on at once, as a run that finds the reaction before it waits.
 */
export async function waitTogether(scope: TScope, node: TJourneyNode, data: TWaitNode, ats: TAt[]): Promise<{ at: TAt; handle: string; outcome: string }[]> {
  if (ats.length === 0) return [];
  const deadline = new Date(workflowNow().getTime() + parseDuration(durationString(data.timeout)));
  const reaction = node.type === "reaction" ? (data as TNodeData<"reaction">) : null;
  const messageIds = reaction ? await messagesSent(scope.workspaceId, reaction.messageNodeId, ats) : new Map<string, string>();
  const keyOf = (at: TAt) => (reaction ? (messageIds.get(at.enrollmentId) ?? "none") : `${at.profileId}:${(data as TNodeData<"wait_event">).definitionId}`);
  const accepts = reaction ? { types: reactionTypes(reaction.reaction) } : { where: (data as TNodeData<"wait_event">).where };
  const waits = JSON.stringify(ats.map((at) => ({ enrollment_id: at.enrollmentId, key: keyOf(at) })));

  const db = await getDb();
  const cohortId = await db.transaction(async (tx) => {
    const id = await openCohort(tx, { workspaceId: scope.workspaceId, journeyId: scope.journeyId, versionId: scope.versionId, nodeId: node.id, kind: "timeout", dueAt: deadline, size: ats.length });
    // A retried page finds its rows there already: they keep their first cohort. Members are
    // the cohort's in journey_enrollments too, until on their way (take-timeouts.ts).
    const inserted = rowsOf<{ n: number }>(
      await tx.execute(sql`with ins as (
        insert into journey_waits (enrollment_id, node_id, workspace_id, journey_id, version_id, kind, key, accepts, deadline, cohort_id)
        select x.enrollment_id, ${node.id}, ${scope.workspaceId}, ${scope.journeyId}, ${scope.versionId}, ${reaction ? "reaction" : "event"}, x.key, ${JSON.stringify(accepts)}::jsonb, ${deadline.toISOString()}, ${id}
        from jsonb_to_recordset(${waits}::jsonb) as x(enrollment_id uuid, key text)
        on conflict do nothing returning enrollment_id
      ), members as (
        update journey_enrollments e set cohort_id = ${id} from ins where e.id = ins.enrollment_id
      ) select count(*)::int as n from ins`),
    )[0]!.n;
    if (inserted === 0) await tx.execute(sql`delete from journey_cohorts where id = ${id}`);
    else if (inserted < ats.length) await tx.execute(sql`update journey_cohorts set size = ${inserted} where id = ${id}`);
    return inserted === 0 ? null : id;
  });
  if (cohortId) await startCohortRuns([{ workspaceId: scope.workspaceId, journeyId: scope.journeyId, versionId: scope.versionId, cohortId }]);
  if (!reaction || messageIds.size === 0) return [];
  // Looked at once the rows are stored: a reaction recorded before is seen here, one after by
  // the intake; taking the row decides which of the two moves the profile.
  const reacted = await takeReactedAlready(node.id, reactionTypes(reaction.reaction), ats, messageIds);
  return ats.filter((at) => reacted.has(at.enrollmentId)).map((at) => ({ at, handle: "reacted", outcome: reaction.reaction }));
}

/** The message each profile was sent at `messageNodeId` (keyed per enrollment and node), by enrollment. */
async function messagesSent(workspaceId: string, messageNodeId: string, ats: TAt[]): Promise<Map<string, string>> {
  const db = await getDb();
  const byKey = new Map(ats.map((at) => [journeyMessageKey(at.enrollmentId, messageNodeId), at.enrollmentId]));
  const rows = await db.execute(sql`select id, idempotency_key from messages where workspace_id = ${workspaceId} and idempotency_key = any(${`{${[...byKey.keys()].map((k) => `"${k}"`).join(",")}}`}::text[])`);
  return new Map(rowsOf<{ id: string; idempotency_key: string }>(rows).map((r) => [byKey.get(r.idempotency_key)!, r.id]));
}

/** Deletes (takes) the rows of the profiles whose message has a reaction of `types` already; a machine's is none. */
async function takeReactedAlready(nodeId: string, types: string[], ats: TAt[], messageIds: Map<string, string>): Promise<Set<string>> {
  const db = await getDb();
  const rows = await db.execute(sql`
    with reacted as (
      select distinct message_id::text as key from message_events
      where message_id = any(${uuids([...messageIds.values()])}::uuid[]) and type = any(${`{${types.join(",")}}`}::text[]) and data ->> 'machine' is null
    )
    , taken as (
      delete from journey_waits w using reacted r
      where w.enrollment_id = any(${uuids(ats.map((a) => a.enrollmentId))}::uuid[]) and w.node_id = ${nodeId} and w.kind = 'reaction' and w.key = r.key and w.decided is null
      returning w.*
    ), ${freeTaken}
    select enrollment_id from taken`);
  return new Set(rowsOf<{ enrollment_id: string }>(rows).map((r) => r.enrollment_id));
}
