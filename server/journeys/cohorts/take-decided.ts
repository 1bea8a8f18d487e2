import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { TScope } from "../engine/advance-together";
import { jsonOf } from "./taken-waits";
import { handOn } from "./hand-on";
import { leaveWaitTogether } from "./leave-wait";

type TDecision = { handle: string; outcome: string; detail?: Record<string, unknown> };

type TDecidedRow = {
  enrollment_id: string;
  node_id: string;
  journey_id: string;
  version_id: string;
  decided: TDecision | string;
  profile_id: string | null;
  trigger: Record<string, unknown> | string | null;
  current_node_id: string | null;
  active: boolean;
};

/** How long a drain holds the decided rows it took; a crashed drain's are taken again after. */
const HOLD = "2 minutes";

/**
 * Takes up to `limit` of a workspace's decided waits (an open, a click, a business event took
 * them: take-reactions.ts, take-event-waits.ts) on their decided way, together per (version,
 * node), then deletes their rows and frees them from their timeout cohort. The rows are held
 * by `holder` (the drain's run) while it works: its retry takes them again, another drain
 * skips them. A profile that a failed attempt already moved goes on from where its trace
 * says; one that an exit or a stop ended goes nowhere.
 */
export async function takeDecidedPage(workspaceId: string, holder: string, limit: number): Promise<{ moved: number; more: boolean }> {
  const db = await getDb();
  const rows = rowsOf<TDecidedRow>(
    await db.execute(sql`
      with picked as (
        select enrollment_id, node_id from journey_waits
        where workspace_id = ${workspaceId} and decided is not null and (taken_until is null or taken_until < now() or taken_by = ${holder})
        order by decided_at limit ${limit} for update skip locked
      ), held as (
        update journey_waits w set taken_until = now() + interval '${sql.raw(HOLD)}', taken_by = ${holder} from picked p
        where w.enrollment_id = p.enrollment_id and w.node_id = p.node_id
        returning w.enrollment_id, w.node_id, w.journey_id, w.version_id, w.decided
      )
      select h.*, e.profile_id, e.trigger, e.current_node_id, coalesce(e.status = 'active', false) as active
      from held h left join journey_enrollments e on e.id = h.enrollment_id`),
  );
  const groups = new Map<string, TDecidedRow[]>();
  for (const r of rows.filter((x) => x.active && x.profile_id)) groups.set(`${r.version_id}:${r.node_id}`, [...(groups.get(`${r.version_id}:${r.node_id}`) ?? []), r]);
  for (const group of groups.values()) await moveOn(workspaceId, group);
  if (rows.length > 0) {
    const ids = `{${rows.map((r) => r.enrollment_id).join(",")}}`;
    await db.execute(sql`
      with gone as (delete from journey_waits w where w.enrollment_id = any(${ids}::uuid[]) and w.taken_by = ${holder} returning w.enrollment_id, w.cohort_id)
      update journey_enrollments e set cohort_id = null from gone g where e.id = g.enrollment_id and e.cohort_id = g.cohort_id`);
  }
  return { moved: rows.length, more: rows.length >= limit };
}

/** One (version, node) group: from the wait along each one's decided way, or on from where a failed attempt left them. */
async function moveOn(workspaceId: string, group: TDecidedRow[]): Promise<void> {
  const { journey_id: journeyId, version_id: versionId, node_id: nodeId } = group[0]!;
  const scope: TScope = { workspaceId, journeyId, versionId, trigger: {}, triggers: new Map(group.map((r) => [r.profile_id!, jsonOf(r.trigger)])) };
  const handed = await leaveWaitTogether(
    scope,
    nodeId,
    group.map((r) => ({ enrollmentId: r.enrollment_id, profileId: r.profile_id!, currentNodeId: r.current_node_id, ...(typeof r.decided === "string" ? (JSON.parse(r.decided) as TDecision) : r.decided) })),
  );
  await handOn(scope, handed);
}
