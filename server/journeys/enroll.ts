import { sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { canPublishEvents } from "@/server/workflows/client";
import { advanceTogether, type TScope, type TStartAt } from "./engine/advance-together";
import { handOn } from "./cohorts/hand-on";
import { startRuns as startRunsOf, type TRunStartOf } from "./start-runs";
import type { TJourneySettings } from "./graph/model";
import { enqueueWebhookEvents } from "@/server/webhooks/enqueue";

export interface TEnrollRequest {
  workspaceId: string;
  journeyId: string;
  versionId: string;
  /** These profiles, or a page of an audience: `select p.id from profiles p …` in id order, after `after`. */
  profileIds: string[] | { page: SQL; after: string | null };
  test: boolean;
  reEntry: TJourneySettings["reEntry"];
  /** Event entries: the business event that brought each profile in, by profile id. */
  triggers?: Map<string, TEntryTrigger>;
}

export type TEntryTrigger = { eventId: string; data: Record<string, unknown> };

export type TEnrolled = { enrollmentId: string; profileId: string };

const uuids = (ids: string[]) => `{${ids.join(",")}}`;

/** The candidates as one select of `id`: the given profiles of the workspace, or the audience page. */
function candidatesOf(r: TEnrollRequest): SQL {
  if (!Array.isArray(r.profileIds)) return r.profileIds.page;
  return sql`select p.id from profiles p where p.id = any(${uuids(r.profileIds)}::uuid[]) and p.workspace_id = ${r.workspaceId}`;
}

/**
 * Enrolls the candidates that the re-entry policy lets in, in one statement: never = once per
 * journey; after N days = when their last entry is older and they are not inside any more.
 * Test profiles can always come back once their previous test run is over. `read` and `last`:
 * how many candidates there were, and the last one (the next page starts after it).
 */
export async function insertEnrollments(tx: DbOrTx, r: TEnrollRequest): Promise<{ enrolled: TEnrolled[]; read: number; last: string | null }> {
  if (Array.isArray(r.profileIds) && r.profileIds.length === 0) return { enrolled: [], read: 0, last: null };
  const blocking = r.test
    ? sql`e.status = 'active'`
    : r.reEntry.mode === "never"
      ? sql`true`
      : sql`(e.status = 'active' or e.entered_at > now() - make_interval(days => ${r.reEntry.days}))`;
  const triggers = r.triggers ? JSON.stringify(Object.fromEntries(r.triggers)) : null;
  const rows = await tx.execute(sql`
    with page as (${candidatesOf(r)}),
    ins as (
      insert into journey_enrollments (workspace_id, journey_id, version_id, profile_id, is_test, trigger_event_id, trigger)
      select ${r.workspaceId}, ${r.journeyId}, ${r.versionId}, page.id, ${r.test}, (t.t -> page.id::text ->> 'eventId')::uuid, t.t -> page.id::text -> 'data'
      from page, (select ${triggers}::jsonb as t) t
      where not exists (select 1 from journey_enrollments e where e.journey_id = ${r.journeyId} and e.profile_id = page.id and e.is_test = ${r.test} and ${blocking})
      on conflict do nothing
      returning id, profile_id
    )
    select (select count(*)::int from page) as read, (select id from page order by id desc limit 1) as last,
      (select coalesce(json_agg(json_build_array(id, profile_id)), '[]'::json) from ins) as ins`);
  const row = rowsOf<{ read: number; last: string | null; ins: [string, string][] | string }>(rows)[0]!;
  const ins = typeof row.ins === "string" ? (JSON.parse(row.ins) as [string, string][]) : row.ins;
  if (!r.test && ins.length > 0) {
    const entered = ins.map(([enrollmentId, profileId]) => ({ type: "journey.entered" as const, data: { journeyId: r.journeyId, versionId: r.versionId, enrollmentId, profileId } }));
    await enqueueWebhookEvents(r.workspaceId, entered, tx);
  }
  return { enrolled: ins.map(([enrollmentId, profileId]) => ({ enrollmentId, profileId })), read: Number(row.read), last: row.last };
}

/** One journey.run per enrollment (start-runs.ts), each with the business event that brought it in. */
export const startRuns = (r: Pick<TEnrollRequest, "workspaceId" | "journeyId" | "versionId" | "test" | "triggers">, starts: TRunStartOf[]) => startRunsOf(r, starts, (profileId) => r.triggers?.get(profileId)?.data);

/**
 * Enrolls and starts, serialized per journey so two entries of one profile cannot race past
 * re-entry. Live profiles take the first steps together (advance-together.ts) and are handed
 * on where they wait (cohorts/hand-on.ts); test profiles' runs start at the entry, step by
 * step for the test panel. Safe to repeat (a retried step): the request's active enrollments
 * go on from where their trace says they are, and start events dedupe by id.
 */
export async function enroll(r: TEnrollRequest): Promise<{ entered: number; read: number; last: string | null }> {
  const db = await getDb();
  const inserted = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`journey-entry:${r.journeyId}`}))`);
    return insertEnrollments(tx, r);
  });
  // Everyone read was let in: they are the active ones. Otherwise (a retried step, or re-entry
  // turned some away) the enrollments say who is inside and where.
  const fresh = inserted.read > 0 && inserted.enrolled.length === inserted.read;
  const active = fresh ? inserted.enrolled.map((e) => ({ ...e, currentNodeId: null })) : await activeEnrollments(r, inserted.last);
  if (r.test || !canPublishEvents()) await startRuns(r, active);
  else {
    const scope: TScope = { workspaceId: r.workspaceId, journeyId: r.journeyId, versionId: r.versionId, trigger: {}, triggers: r.triggers && new Map([...r.triggers].map(([id, t]) => [id, t.data])) };
    await handOn(scope, await advanceTogether(scope, active));
  }
  return { entered: inserted.enrolled.length, read: inserted.read, last: inserted.last };
}

/**
 * The request's active enrollments, with the node each is at: after a retried step, the ones
 * whose first steps or start event may not have happened. A page's are its id range.
 */
async function activeEnrollments(r: TEnrollRequest, last: string | null): Promise<TStartAt[]> {
  const db = await getDb();
  let among: SQL;
  if (Array.isArray(r.profileIds)) {
    if (r.profileIds.length === 0) return [];
    among = sql`profile_id = any(${uuids(r.profileIds)}::uuid[])`;
  } else {
    if (!last) return [];
    among = r.profileIds.after ? sql`profile_id > ${r.profileIds.after} and profile_id <= ${last}` : sql`profile_id <= ${last}`;
  }
  const rows = await db.execute(sql`select id, profile_id, current_node_id from journey_enrollments
    where version_id = ${r.versionId} and is_test = ${r.test} and status = 'active' and ${among}
    ${r.triggers ? sql`and trigger_event_id = any(${uuids([...r.triggers.values()].map((t) => t.eventId))}::uuid[])` : sql``}`);
  return rowsOf<{ id: string; profile_id: string; current_node_id: string | null }>(rows).map((x) => ({ enrollmentId: x.id, profileId: x.profile_id, currentNodeId: x.current_node_id }));
}
