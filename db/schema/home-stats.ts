import { bigint, date, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

/**
 * The home page's rollup: per workspace, UTC day, channel kind and metric (sent, delivered,
 * failed, suppressed, bounced, unsubscribed, the first human open and click of a message,
 * and "converted": a business event within 3 days of a message, attributed to its channel).
 * Statement triggers (migration 0027) append to message_stat_deltas as message events and
 * business events are inserted; reading folds a workspace's deltas into this table first, so
 * no page view scans messages and no send waits on a shared counter row.
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

/** Counts appended by the triggers, not yet folded into message_daily_stats (append-only: no lock shared by sends). */
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
