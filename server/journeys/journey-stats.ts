import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { assertJourneyIn } from "./journey-access";

export type TNodeStats = { entered: number; waiting: number; exited: number; sent?: number; opened?: number; clicked?: number; deferred?: number; expired?: number; machineOpened?: number };

/**
 * The live canvas numbers, per node: entered (steps opened), waiting now (active runs on it),
 * exited (steps closed); and per message node, messages sent / opened / clicked (unique; a
 * click counts as an open, a machine's open or click does not: machineOpened counts the messages
 * only a machine opened), deferred (waiting for their window) and expired.
 * Test runs and test messages count only in test mode's numbers, never in the live ones.
 */
export async function journeyStats(workspaceId: string, journeyId: string, test: boolean) {
  await assertJourneyIn(workspaceId, journeyId);
  const db = await getDb();
  const [steps, waiting, sent, totals] = await Promise.all([
    db.execute(sql`select node_id, count(*)::int as entered, count(finished_at)::int as exited from journey_steps where journey_id = ${journeyId} and is_test = ${test} group by node_id`),
    db.execute(sql`select current_node_id as node_id, count(*)::int as n from journey_enrollments where journey_id = ${journeyId} and is_test = ${test} and status = 'active' group by current_node_id`),
    db.execute(sql`
      select m.step_id as node_id, count(*) filter (where m.status not in ('queued', 'failed', 'suppressed', 'deferred', 'expired'))::int as sent,
        count(*) filter (where m.status = 'deferred')::int as deferred, count(*) filter (where m.status = 'expired')::int as expired,
        count(*) filter (where exists (select 1 from message_events x where x.message_id = m.id and x.type in ('opened', 'clicked') and x.data->>'machine' is null))::int as opened,
        count(*) filter (where exists (select 1 from message_events x where x.message_id = m.id and x.type = 'clicked' and x.data->>'machine' is null))::int as clicked,
        count(*) filter (where exists (select 1 from message_events x where x.message_id = m.id and x.type in ('opened', 'clicked') and x.data->>'machine' is not null)
          and not exists (select 1 from message_events x where x.message_id = m.id and x.type in ('opened', 'clicked') and x.data->>'machine' is null))::int as machine
      from messages m
      where m.workspace_id = ${workspaceId} and m.source_type = 'journey' and m.source_id = ${journeyId} and m.is_test = ${test}
      group by m.step_id`),
    db.execute(sql`select status, count(*)::int as n from journey_enrollments where journey_id = ${journeyId} and is_test = ${test} group by status`),
  ]);
  const nodes: Record<string, TNodeStats> = {};
  const at = (id: string) => (nodes[id] ??= { entered: 0, waiting: 0, exited: 0 });
  for (const r of rowsOf<{ node_id: string; entered: number; exited: number }>(steps)) Object.assign(at(r.node_id), { entered: r.entered, exited: r.exited });
  for (const r of rowsOf<{ node_id: string | null; n: number }>(waiting)) if (r.node_id) at(r.node_id).waiting = r.n;
  for (const r of rowsOf<{ node_id: string | null; sent: number; opened: number; clicked: number; deferred: number; expired: number; machine: number }>(sent)) {
    if (r.node_id) Object.assign(at(r.node_id), { sent: r.sent, opened: r.opened, clicked: r.clicked, deferred: r.deferred, expired: r.expired, machineOpened: r.machine });
  }
  const byStatus = Object.fromEntries(rowsOf<{ status: string; n: number }>(totals).map((r) => [r.status, r.n]));
  const entered = Object.values(byStatus).reduce((s, n) => s + n, 0);
  return { nodes, totals: { entered, active: byStatus.active ?? 0, completed: byStatus.completed ?? 0, exited: (byStatus.exited ?? 0) + (byStatus.stopped ?? 0), failed: byStatus.failed ?? 0 } };
}
