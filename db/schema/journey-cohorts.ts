import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { journeyEnrollments, journeys, journeyVersions } from "./journeys";
import { workspaces } from "./workspaces";

export const COHORT_KINDS = ["wait", "timeout"] as const;
export type TCohortKind = (typeof COHORT_KINDS)[number];
export const COHORT_STATUSES = ["waiting", "moving", "done", "stopped"] as const;
export type TCohortStatus = (typeof COHORT_STATUSES)[number];

/**
 * Profiles of one live journey version that wait at one node until one instant, moved on
 * together by one durable run (journey.cohort): `wait` ends a timed wait; `timeout` takes on
 * the profiles still waiting at a reaction or event wait (journey_waits) down its timeout path.
 * Members are the active enrollments whose `cohort_id` is this row.
 */
export const journeyCohorts = pgTable(
  "journey_cohorts",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    journeyId: uuid().notNull().references(() => journeys.id, { onDelete: "cascade" }),
    versionId: uuid().notNull().references(() => journeyVersions.id, { onDelete: "cascade" }),
    nodeId: text().notNull(),
    kind: text().$type<TCohortKind>().notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    status: text().$type<TCohortStatus>().notNull().default("waiting"),
    size: integer().notNull().default(0),
    moved: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.journeyId, t.status), index("journey_cohorts_due").on(t.dueAt).where(sql`${t.status} in ('waiting', 'moving')`)],
);

/**
 * A live profile waiting at a reaction (its message opened, clicked...) or an event wait: found
 * by `key` when a message event or business event comes in (reaction: the message id; event
 * wait: `<profileId>:<definitionId>`). An event decides the row (sets `decided`, only while it
 * is undecided) and the timeout cohort deletes undecided rows, so the two never both take a
 * profile; a decided row stays until its profile is on its way, so a crash in between loses
 * nothing (take-decided.ts). `accepts` holds what the node waits for (reaction types, event
 * property filters).
 */
export const journeyWaits = pgTable(
  "journey_waits",
  {
    enrollmentId: uuid().notNull().references(() => journeyEnrollments.id, { onDelete: "cascade" }),
    nodeId: text().notNull(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    journeyId: uuid().notNull().references(() => journeys.id, { onDelete: "cascade" }),
    versionId: uuid().notNull().references(() => journeyVersions.id, { onDelete: "cascade" }),
    kind: text().$type<"reaction" | "event">().notNull(),
    key: text().notNull(),
    accepts: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    deadline: timestamp({ withTimezone: true }).notNull(),
    cohortId: uuid().references(() => journeyCohorts.id, { onDelete: "set null" }),
    /** Set by the event that took the wait ({ handle, outcome, detail }); the row goes once the profile is on its way (take-decided.ts). */
    decided: jsonb().$type<{ handle: string; outcome: string; detail?: Record<string, unknown> }>(),
    decidedAt: timestamp({ withTimezone: true }),
    /** A drain taking the decided row holds it until then; a crashed drain's rows are taken again after. */
    takenUntil: timestamp({ withTimezone: true }),
    takenBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.enrollmentId, t.nodeId] }),
    index().on(t.kind, t.key),
    index().on(t.cohortId),
    index().on(t.journeyId),
    index("journey_waits_decided").on(t.workspaceId, t.decidedAt).where(sql`${t.decided} is not null`),
  ],
);

/**
 * A workspace's request for its decided waits to be taken on (journey.waits-decided): an
 * intake that decides waits sets `requested_at` and publishes the drain event only when no
 * request was pending (or the pending one is stale); each drain page clears it before it
 * takes rows. So a burst of opens costs one drain run per page taken, not one per open.
 */
export const journeyDrainRequests = pgTable("journey_drain_requests", {
  workspaceId: uuid()
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  requestedAt: timestamp({ withTimezone: true }),
});
