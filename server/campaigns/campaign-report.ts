import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { executionIdsOf } from "./query-campaigns";

const ids = (list: string[]) => sql.join(list.map((id) => sql`${id}`), sql`, `);

const COUNTS = ["targeted", "processed", "sent", "delivered", "opened", "openedTotal", "clicked", "clickedTotal", "machineOpened", "machineClicked", "bounced", "complained", "unsubscribed", "failed", "suppressed", "deferred", "expired"] as const;
export type TReportCounts = Record<(typeof COUNTS)[number], number>;

/** A person's open or click; those of a privacy proxy or security scanner carry `machine` (server/messaging/machine-opens.ts). */
const HUMAN = sql.raw(`e.data->>'machine' is null`);

/**
 * Counts of a campaign (or one execution) from its messages and their events: sent and
 * delivered are messages that reached that stage; opened and clicked are unique messages,
 * with the total number of events beside them. A click implies an open (the pixel may have
 * been blocked). Machine opens and clicks count apart, in machineOpened / machineClicked: the
 * messages a machine opened (or clicked) and no person did.
 */
export async function campaignReport(workspaceId: string, campaignId: string, executionId?: string | null) {
  const db = await getDb();
  const execIds = await executionIdsOf(workspaceId, campaignId, executionId);
  if (!execIds.length) return { counts: null, timeline: [], topLinks: [] };
  // Seed copies (is_test, server/campaigns/execution/send-seeds.ts) never count.
  const scope = sql`m.workspace_id = ${workspaceId} and m.source_type = 'campaign' and m.source_id in (${ids(execIds)}) and not m.is_test`;
  const [counts] = rowsOf<Record<string, number>>(
    await db.execute(sql`
      with per as (
        select m.status,
          bool_or(e.type = 'sent') as sent,
          bool_or(e.type = 'delivered') as delivered,
          count(*) filter (where e.type = 'opened' and ${HUMAN}) as opens,
          count(*) filter (where e.type = 'clicked' and ${HUMAN}) as clicks,
          bool_or(e.type = 'opened' and not ${HUMAN}) as machine_open,
          bool_or(e.type = 'clicked' and not ${HUMAN}) as machine_click,
          bool_or(e.type = 'bounced') as bounced,
          bool_or(e.type = 'complained') as complained,
          bool_or(e.type = 'unsubscribed') as unsubscribed
        from messages m left join message_events e on e.message_id = m.id
        where ${scope}
        group by m.id, m.status)
      select
        (select coalesce(sum(targeted), 0)::int from campaign_executions where id in (${ids(execIds)})) as targeted,
        (select coalesce(sum(processed), 0)::int from campaign_executions where id in (${ids(execIds)})) as processed,
        count(*) filter (where sent)::int as sent,
        count(*) filter (where delivered)::int as delivered,
        count(*) filter (where opens > 0 or clicks > 0)::int as opened,
        (coalesce(sum(opens), 0) + count(*) filter (where opens = 0 and clicks > 0))::int as "openedTotal",
        count(*) filter (where clicks > 0)::int as clicked,
        coalesce(sum(clicks), 0)::int as "clickedTotal",
        count(*) filter (where machine_open and opens = 0 and clicks = 0)::int as "machineOpened",
        count(*) filter (where machine_click and clicks = 0)::int as "machineClicked",
        count(*) filter (where bounced)::int as bounced,
        count(*) filter (where complained)::int as complained,
        count(*) filter (where unsubscribed)::int as unsubscribed,
        count(*) filter (where status = 'failed')::int as failed,
        count(*) filter (where status = 'suppressed')::int as suppressed,
        count(*) filter (where status = 'deferred')::int as deferred,
        count(*) filter (where status = 'expired')::int as expired
      from per`),
  );
  // Minutes for a short send, hours past a day of data. A message clicked with no open counts as opened at its first click.
  const timeline = rowsOf<{ at: string; sent: number; opened: number; clicked: number }>(
    await db.execute(sql`
      with ev as (select e.message_id, e.type, e.at from message_events e join messages m on m.id = e.message_id where ${scope} and e.type in ('sent', 'opened', 'clicked') and ${HUMAN}),
      implied as (select 'opened' as type, min(c.at) as at from ev c where c.type = 'clicked'
        and not exists (select 1 from ev o where o.message_id = c.message_id and o.type = 'opened') group by c.message_id),
      events as (select type, at from ev union all select type, at from implied),
      span as (select case when max(at) - min(at) > interval '1 day' then 'hour' else 'minute' end as unit from events)
      select date_trunc((select unit from span), at) as at,
        count(*) filter (where type = 'sent')::int as sent,
        count(*) filter (where type = 'opened')::int as opened,
        count(*) filter (where type = 'clicked')::int as clicked
      from events group by 1 order by 1 limit 500`),
  ).map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
  const topLinks = rowsOf<{ url: string; clicks: number; unique: number }>(
    await db.execute(sql`
      select e.data->>'url' as url, count(*)::int as clicks, count(distinct m.id)::int as "unique"
      from message_events e join messages m on m.id = e.message_id
      where ${scope} and e.type = 'clicked' and e.data->>'url' is not null and ${HUMAN}
      group by 1 order by 2 desc limit 10`),
  );
  const result = Object.fromEntries(COUNTS.map((k) => [k, Number(counts?.[k] ?? 0)])) as TReportCounts;
  return { counts: result, timeline, topLinks };
}
