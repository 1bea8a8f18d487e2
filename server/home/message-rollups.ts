import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";

export const HOME_METRICS = ["sent", "delivered", "failed", "suppressed", "bounced", "opened", "clicked", "unsubscribed", "converted"] as const;
export type THomeMetric = (typeof HOME_METRICS)[number];
export type TMetricCounts = Record<THomeMetric, number>;
export type TChannelRow = { kind: string } & TMetricCounts;
export type TDayRow = { day: string; byKind: Record<string, number> };

const zero = (): TMetricCounts => Object.fromEntries(HOME_METRICS.map((m) => [m, 0])) as TMetricCounts;

/**
 * Folds the workspace's pending deltas (appended by the triggers of migration 0027) into its
 * daily rollup, in one statement. Concurrent folds are safe: a delta row is deleted once.
 */
export async function foldMessageStats(workspaceId: string) {
  const db = await getDb();
  await db.execute(sql`
    with moved as (delete from message_stat_deltas where workspace_id = ${workspaceId} returning day, kind, metric, n)
    insert into message_daily_stats (workspace_id, day, kind, metric, n)
    select ${workspaceId}::uuid, day, kind, metric, sum(n) from moved group by day, kind, metric
    on conflict (workspace_id, day, kind, metric) do update set n = message_daily_stats.n + excluded.n`);
}

/**
 * The last `days` days (UTC, today included) of messages by channel and metric, and per day by
 * channel for the sent chart: read from the rollup, at most days x channels x metrics rows.
 */
export async function messageStats(workspaceId: string, days: number, today = new Date()) {
  await foldMessageStats(workspaceId);
  const db = await getDb();
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (days - 1))).toISOString().slice(0, 10);
  const rows = rowsOf<{ day: string | Date; kind: string; metric: string; n: string | number }>(
    await db.execute(sql`select day, kind, metric, n from message_daily_stats where workspace_id = ${workspaceId} and day >= ${from}::date`),
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
