import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

// State of the embedded workflow executor (server/workflows/embedded). System tables: a run
// (and a stored event) belongs to the workspace its event names (data.workspaceId; for an
// onFailure handler, the failed run's event's), or with workspace_id NULL to the instance,
// which no workspace sees (server/workflows/embedded/run-workspace.ts).

export const wfEvents = pgTable(
  "wf_events",
  {
    id: text().primaryKey(),
    name: text().notNull(),
    data: jsonb().notNull().$type<Record<string, unknown>>(),
    ts: bigint({ mode: "number" }).notNull(),
    workspaceId: uuid(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.name, t.receivedAt)],
);

export type TMemo = { data: unknown } | { error: unknown };

export const wfRuns = pgTable(
  "wf_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    fnId: text().notNull(),
    status: text().$type<"running" | "completed" | "failed" | "cancelled">().notNull(),
    event: jsonb().notNull().$type<Record<string, unknown>>(),
    /** A batched function's events (batchEvents); `event` is the first of them. Null otherwise. */
    events: jsonb().$type<Record<string, unknown>[]>(),
    /** A batch still collecting events: its key, and until when it takes more. */
    batchKey: text(),
    batchOpenUntil: timestamp({ withTimezone: true }),
    workspaceId: uuid(),
    steps: jsonb().notNull().$type<Record<string, TMemo>>().default({}),
    stack: jsonb().notNull().$type<string[]>().default([]),
    disableImmediateExecution: boolean().notNull().default(false),
    maxAttempts: integer().notNull(),
    concurrencyKey: text(),
    idempotencyKey: text(),
    throttleKey: text(),
    output: jsonb(),
    error: jsonb(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // The Runs page's keyset pages: all runs, by status, by function and status (0026).
    index().on(t.workspaceId, t.startedAt, t.id),
    index().on(t.workspaceId, t.status, t.startedAt, t.id),
    index().on(t.workspaceId, t.fnId, t.status, t.startedAt, t.id),
    index().on(t.fnId, t.status),
    index().on(t.fnId, t.idempotencyKey).where(sql`idempotency_key is not null`),
    index().on(t.fnId, t.throttleKey, t.startedAt).where(sql`throttle_key is not null`),
    index("wf_runs_open_batch").on(t.fnId, t.batchKey).where(sql`batch_open_until is not null`),
  ],
);

/** One row per step outcome or run transition, for the Runs page timeline. */
export const wfRunLog = pgTable(
  "wf_run_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    runId: uuid().notNull().references(() => wfRuns.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    stepId: text(),
    name: text(),
    attempt: integer().notNull().default(0),
    data: jsonb(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.runId, t.id)],
);

export const wfJobs = pgTable(
  "wf_jobs",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    runId: uuid().notNull().references(() => wfRuns.id, { onDelete: "cascade" }),
    fnId: text().notNull(),
    /** call: POST to the function; sleep / wait-timeout: memoize null for `stepId`, then call. */
    kind: text().$type<"call" | "sleep" | "wait-timeout">().notNull(),
    /** "step" (discover the next step) or the hashed id of a planned step to run. */
    stepId: text().notNull(),
    attempt: integer().notNull().default(0),
    concurrencyKey: text(),
    concurrencyLimit: integer(),
    runAt: timestamp({ withTimezone: true }).notNull(),
    lockedUntil: timestamp({ withTimezone: true }),
    lockedBy: text(),
    doneAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("wf_jobs_due").on(t.runAt).where(sql`done_at is null`),
    uniqueIndex("wf_jobs_pending_unique").on(t.runId, t.kind, t.stepId).where(sql`done_at is null`),
    index().on(t.runId),
  ],
);

export const wfWaits = pgTable(
  "wf_waits",
  {
    id: uuid().primaryKey().defaultRandom(),
    runId: uuid().notNull().references(() => wfRuns.id, { onDelete: "cascade" }),
    stepId: text().notNull(),
    eventName: text().notNull(),
    expression: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
    /** The key of the `if`'s equality conjuncts on `async` (embedded/wait-keys.ts), or "*": matched by scan. */
    matchKey: text().notNull().default("*"),
    matchedByScan: boolean().notNull().default(false),
  },
  (t) => [index("wf_waits_open_key").on(t.eventName, t.matchKey).where(sql`resolved_at is null`), index().on(t.runId)],
);

/** The key shapes (sets of `async` paths) waits and cancels were filed under, per event name. */
export const wfMatchShapes = pgTable(
  "wf_match_shapes",
  {
    eventName: text().notNull(),
    shape: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventName, t.shape] })],
);

/** A run's `cancelOn` keys, filed at its start: an event finds the runs it cancels by index. Read for running runs only. */
export const wfCancelKeys = pgTable(
  "wf_cancel_keys",
  {
    eventName: text().notNull(),
    matchKey: text().notNull(),
    runId: uuid().notNull().references(() => wfRuns.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.eventName, t.matchKey, t.runId] }), index().on(t.runId)],
);

export const wfCron = pgTable(
  "wf_cron",
  {
    fnId: text().notNull(),
    cron: text().notNull(),
    nextAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.fnId, t.cron] })],
);
