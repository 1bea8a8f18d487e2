import { bigint, date, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

/**
 * The home page's rollup: per workspace, UTC day, channel kind and metric (sent, delivered,
 * failed, suppressed, bounced, unsubscribed, the first human open and click of a message,
 * and "converted": a business event within 3 days of a message, attributed to its channel).
 * Reading folds in what happened since the last fold (server/home/message-rollups.ts): the
 * message events after message_stats_progress.done_until, and the conversions a statement
 * trigger on `events` appended to message_stat_deltas. Sends pay nothing for it (a trigger on
 * message_events doubled the cost of writing them, docs/benchmarks.md), and no page view scans
 * more than the events since the last one.
 */
export const messageDailyStats = pgTable(
  "message_daily_stats",
  {
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    day: date().notNull(),
    kind: text().notNull(),
    metric: text().notNull(),
    n: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.kind, t.metric] })],
);

/** Conversions appended by the trigger on events, not yet folded into message_daily_stats (append-only: no lock shared by writers). */
export const messageStatDeltas = pgTable(
  "message_stat_deltas",
  {
    workspaceId: uuid().notNull(),
    day: date().notNull(),
    kind: text().notNull(),
    metric: text().notNull(),
    n: bigint({ mode: "number" }).notNull(),
  },
  (t) => [index().on(t.workspaceId)],
);

/** Until when a workspace's message events are in message_daily_stats; the next fold reads the events after it. */
export const messageStatsProgress = pgTable("message_stats_progress", {
  workspaceId: uuid().primaryKey().references(() => workspaces.id, { onDelete: "cascade" }),
  doneUntil: timestamp({ withTimezone: true }).notNull(),
});
