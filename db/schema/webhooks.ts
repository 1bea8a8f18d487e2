import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { apiKeys } from "./api-keys";
import { workspaces } from "./workspaces";

/** An outgoing webhook endpoint: a URL (checked by the outgoing guard), the event types it hears, its signing secret (encrypted). */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    url: text().notNull(),
    description: text().notNull().default(""),
    eventTypes: text().array().notNull(),
    enabled: boolean().notNull().default(true),
    /** `whsec_...`, encrypted with the instance key (server/crypto/secrets.ts). */
    secret: text().notNull(),
    /** The first failed attempt since the last success: 5 days of failures disable the endpoint. */
    failingSince: timestamp({ withTimezone: true }),
    disabledReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.workspaceId)],
);

/** The outbox and the delivery log at once: one row per event and endpoint, drained by the webhooks.deliver function. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull(),
    endpointId: uuid().notNull().references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    /** The Standard Webhooks `webhook-id`: the same across retries and replays of one event. */
    eventId: text().notNull(),
    eventType: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    /** pending (due at nextAttemptAt), succeeded, failed (no retry left or endpoint disabled). */
    status: text().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    responseStatus: integer(),
    latencyMs: integer(),
    responseExcerpt: text(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.endpointId, t.createdAt), index("webhook_deliveries_due_index").on(t.nextAttemptAt).where(sql`status = 'pending'`)],
);

/** Per-workspace REST API limit: requests per key per window. */
export const apiRateLimits = pgTable("api_rate_limits", {
  workspaceId: uuid().primaryKey().references(() => workspaces.id, { onDelete: "cascade" }),
  requestsPerWindow: integer().notNull(),
  windowSeconds: integer().notNull(),
});

/** Fixed-window counters, one row per key and window, bumped by one upsert per request. */
export const apiRateCounters = pgTable(
  "api_rate_counters",
  {
    keyId: uuid().notNull().references(() => apiKeys.id, { onDelete: "cascade" }),
    windowStart: bigint({ mode: "number" }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.windowStart] })],
);
