import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { executionIdsOf } from "./query-campaigns";

const ids = (list: string[]) => sql.join(list.map((id) => sql`${id}`), sql`, `);

export type TReportCounts = { targeted: number; processed: number; sent: number; delivered: number; opened: number; openedTotal: number; clicked: number; clickedTotal: number; bounced: number; unsubscribed: number; failed: number; suppressed: number; deferred: number };

/**
 * Counts of a campaign (or one execution) from its messages and their events: sent and
 * delivered are messages that reached that stage; opened and clicked are unique messages,
 * with the total number of events beside them.
 */
export async function campaignReport(workspaceId: string, campaignId: string, executionId?: string | null) {
  const db = await getDb();
  const execIds = await executionIdsOf(workspaceId, campaignId, executionId);
  if (!execIds.length) return { counts: null, timeline: [], topLinks: [] };
  const scope = sql`m.workspace_id = ${workspaceId} and m.source_type = 'campaign' and m.source_id in (${ids(execIds)})`;
  const [counts] = rowsOf<Record<string, number>>(
    await db.execute(sql`
      select
        (select coalesce(sum(targeted), 0)::int from campaign_executions where id in (${ids(execIds)})) as targeted,
        (select coalesce(sum(processed), 0)::int from campaign_executions where id in (${ids(execIds)})) as processed,
        count(distinct m.id) filter (where e.type = 'sent')::int as sent,
        count(distinct m.id) filter (where e.type = 'delivered')::int as delivered,
        count(distinct m.id) filter (where e.type = 'opened')::int as opened,
        count(*) filter (where e.type = 'opened')::int as "openedTotal",
        count(distinct m.id) filter (where e.type = 'clicked')::int as clicked,
        count(*) filter (where e.type = 'clicked')::int as "clickedTotal",
        count(distinct m.id) filter (where e.type = 'bounced')::int as bounced,
        count(distinct m.id) filter (where e.type = 'unsubscribed')::int as unsubscribed,
        count(distinct m.id) filter (where m.status = 'failed')::int as failed,
        count(distinct m.id) filter (where m.status = 'suppressed')::int as suppressed,
        count(distinct m.id) filter (where m.status = 'deferred')::int as deferred
      from messages m left join message_events e on e.message_id = m.id
      where ${scope}`),
  );
  // Minutes for a short send, hours past a day of data.
  const timeline = rowsOf<{ at: string; sent: number; opened: number; clicked: number }>(
    await db.execute(sql`
      with ev as (select e.type, e.at from message_events e join messages m on m.id = e.message_id where ${scope} and e.type in ('sent', 'opened', 'clicked')),
      span as (select case when max(at) - min(at) > interval '1 day' then 'hour' else 'minute' end as unit from ev)
      select date_trunc((select unit from span), at) as at,
        count(*) filter (where type = 'sent')::int as sent,
        count(*) filter (where type = 'opened')::int as opened,
        count(*) filter (where type = 'clicked')::int as clicked
      from ev group by 1 order by 1 limit 500`),
  ).map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
  const topLinks = rowsOf<{ url: string; clicks: number; unique: number }>(
    await db.execute(sql`
      select e.data->>'url' as url, count(*)::int as clicks, count(distinct m.id)::int as "unique"
      from message_events e join messages m on m.id = e.message_id
      where ${scope} and e.type = 'clicked' and e.data->>'url' is not null
      group by 1 order by 2 desc limit 10`),
  );
  const n = (k: string) => Number(counts?.[k] ?? 0);
  const result = Object.fromEntries(["targeted", "processed", "sent", "delivered", "opened", "openedTotal", "clicked", "clickedTotal", "bounced", "unsubscribed", "failed", "suppressed", "deferred"].map((k) => [k, n(k)])) as TReportCounts;
  return { counts: result, timeline, topLinks };
}
