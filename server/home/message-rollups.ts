import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";

export const HOME_METRICS = ["sent", "delivered", "failed", "suppressed", "bounced", "opened", "clicked", "unsubscribed", "converted"] as const;
export type THomeMetric = (typeof HOME_METRICS)[number];
export type TMetricCounts = Record<THomeMetric, number>;
export type TChannelRow = { kind: string } & TMetricCounts;
export type TDayRow = { day: string; byKind: Record<string, number> };

const zero = (): TMetricCounts => Object.fromEntries(HOME_METRICS.map((m) => [m, 0])) as TMetricCounts;

/** Events younger than this are left to the next fold: a send's transaction may still commit events stamped before its end (their `at` is its start). */
export const FOLD_LAG = "1 minute";

/** A timestamp the database wrote (`timestamptz::text`), inlined so that the planner sees the range and reads the index. */
const instant = (text: string) => {
  if (!/^(-?infinity|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?[+-]\d\d(:\d\d)?)$/.test(text)) throw new Error(`Not a timestamp: ${text}`);
  return sql.raw(`'${text}'::timestamptz`);
};

/** Message events of a workspace in (since, until] by UTC day, channel and type; a message's first human open and click only, never test messages. */
const eventCounts = (workspaceId: string, since: string, until: string) => sql`
  select (e.at at time zone 'UTC')::date as day, m.kind, e.type as metric, count(*) as n
  from message_events e join messages m on m.id = e.message_id
  where e.workspace_id = ${workspaceId} and e.at > ${instant(since)} and e.at <= ${instant(until)} and not m.is_test
    and e.type in ('sent', 'delivered', 'failed', 'suppressed', 'bounced', 'complained', 'unsubscribed', 'opened', 'clicked')
    and (e.type not in ('opened', 'clicked') or e.id = (
      select o.id from message_events o where o.message_id = e.message_id and o.type = e.type and o.data->>'machine' is null order by o.id limit 1))
  group by 1, 2, 3`;

/**
 * Brings the workspace's daily rollup up to FOLD_LAG ago, in one transaction that holds its
 * progress row (a concurrent fold waits, then finds nothing left): the message events since
 * the last fold (read by the (workspace, type, at) index), and the conversions the trigger on
 * `events` appended. Returns until when the rollup is complete.
 */
export async function foldMessageStats(workspaceId: string): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`insert into message_stats_progress (workspace_id, done_until) values (${workspaceId}, '-infinity') on conflict do nothing`);
    const [p] = rowsOf<{ since: string; until: string }>(await tx.execute(sql`select done_until::text as since, (now() - ${FOLD_LAG}::interval)::text as until from message_stats_progress where workspace_id = ${workspaceId} for update`));
    const upsert = sql`on conflict (workspace_id, day, kind, metric) do update set n = message_daily_stats.n + excluded.n`;
    await tx.execute(sql`insert into message_daily_stats (workspace_id, day, kind, metric, n) select ${workspaceId}::uuid, day, kind, metric, n from (${eventCounts(workspaceId, p!.since, p!.until)}) c ${upsert}`);
    await tx.execute(sql`
      with moved as (delete from message_stat_deltas where workspace_id = ${workspaceId} returning day, kind, metric, n)
      insert into message_daily_stats (workspace_id, day, kind, metric, n)
      select ${workspaceId}::uuid, day, kind, metric, sum(n) from moved group by day, kind, metric ${upsert}`);
    await tx.execute(sql`update message_stats_progress set done_until = ${instant(p!.until)} where workspace_id = ${workspaceId}`);
    return p!.until;
  });
}

/**
 * The last `days` days (UTC, today included) of messages by channel and metric, and per day by
 * channel for the sent chart: read from the rollup (at most days x channels x metrics rows) and
 * the events of the last FOLD_LAG.
 */
export async function messageStats(workspaceId: string, days: number, today = new Date()) {
  const folded = await foldMessageStats(workspaceId);
  const db = await getDb();
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (days - 1))).toISOString().slice(0, 10);
  // The rollup, and the last minute (not folded yet) counted live.
  const rows = rowsOf<{ day: string | Date; kind: string; metric: string; n: string | number }>(
    await db.execute(sql`select day, kind, metric, n from message_daily_stats where workspace_id = ${workspaceId} and day >= ${from}::date
      union all select day, kind, metric, n from (${eventCounts(workspaceId, folded, "infinity")}) tail`),
  );
  const channels = new Map<string, TChannelRow>();
  const perDay = new Map<string, Record<string, number>>();
  for (let i = 0; i < days; i++) perDay.set(new Date(Date.parse(from) + i * 86_400_000).toISOString().slice(0, 10), {});
  for (const r of rows) {
    const metric = r.metric as THomeMetric;
    if (!HOME_METRICS.includes(metric)) continue;
    const n = Number(r.n);
    const row = channels.get(r.kind) ?? { kind: r.kind, ...zero() };
    row[metric] += n;
    channels.set(r.kind, row);
    if (metric === "sent") {
      const day = typeof r.day === "string" ? r.day.slice(0, 10) : r.day.toISOString().slice(0, 10);
      const slot = perDay.get(day);
      if (slot) slot[r.kind] = (slot[r.kind] ?? 0) + n;
    }
  }
  const byChannel = [...channels.values()].sort((a, b) => b.sent - a.sent);
  const totals = byChannel.reduce((t, c) => Object.fromEntries(HOME_METRICS.map((m) => [m, t[m] + c[m]])) as TMetricCounts, zero());
  const daily: TDayRow[] = [...perDay.entries()].map(([day, byKind]) => ({ day, byKind }));
  return { from, days, totals, byChannel, daily };
}
