import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { GENERAL_TOPIC, type TConsentSource, type TConsentStatus } from "./consents";
import { profiles } from "./profiles";
import { workspaces } from "./workspaces";

/**
 * A named instance of a channel plugin in a workspace (the seeds' "channel configuration"):
 * its settings, with the plugin's secret fields encrypted (server/crypto/secrets.ts).
 */
export const channelConfigurations = pgTable(
  "channel_configurations",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    pluginId: text().notNull(),
    kind: text().notNull(),
    settings: jsonb().notNull().$type<Record<string, unknown>>().default({}),
    isDefault: boolean().notNull().default(false),
    /** Messages per second this configuration may send; null: no limit. */
    rateLimitPerSecond: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("channel_configurations_name").on(t.workspaceId, sql`lower(${t.name})`),
    uniqueIndex("channel_configurations_default").on(t.workspaceId, t.kind).where(sql`is_default`),
  ],
);

/** Reusable content per channel kind; `version` grows with every save (compiled renders are cached per version). */
export const templates = pgTable(
  "templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    name: text().notNull(),
    content: jsonb().notNull().$type<Record<string, unknown>>(),
    version: integer().notNull().default(1),
    createdById: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("templates_name").on(t.workspaceId, sql`lower(${t.name})`)],
);

/** Addresses that must not receive a channel any more: unsubscribed, bounced, complained, or added by hand. */
export const suppressions = pgTable(
  "suppressions",
  {
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    channel: text().notNull(),
    address: text().notNull(),
    reason: text().$type<"unsubscribed" | "bounced" | "complained" | "manual">().notNull(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.channel, t.address] })],
);

/**
 * A profile's marketing consent per channel (topicId GENERAL_TOPIC) and per subscription topic,
 * with where it came from; absent: the topic's default (a channel's general consent is opt-out, but SMS's, which is opt-in: server/messaging/policy.ts).
 * Its history is consent_events (db/schema/consents.ts).
 */
export const profileConsents = pgTable(
  "profile_consents",
  {
    profileId: uuid().notNull().references(() => profiles.id, { onDelete: "cascade" }),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    channel: text().notNull(),
    topicId: uuid().notNull().default(GENERAL_TOPIC),
    status: text().$type<TConsentStatus>().notNull(),
    source: text().$type<TConsentSource>(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.channel, t.topicId] })],
);

/** Web Push subscriptions and FCM tokens of a profile's devices. */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid().notNull().references(() => profiles.id, { onDelete: "cascade" }),
    provider: text().$type<"webpush" | "fcm">().notNull(),
    /** The Web Push endpoint URL, or the FCM registration token. */
    endpoint: text().notNull(),
    keys: jsonb().$type<{ p256dh: string; auth: string }>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.provider, t.endpoint] }), index().on(t.profileId)],
);

/** Workspace-wide sending rules: frequency caps (global and per channel), quiet hours (in each profile's time zone), expiry of deferred messages. */
export const messagingSettings = pgTable("messaging_settings", {
  workspaceId: uuid().primaryKey().references(() => workspaces.id, { onDelete: "cascade" }),
  /** At most `max` marketing messages per profile in `hours` hours; null: no cap. */
  frequencyCap: jsonb().$type<{ max: number; hours: number } | null>(),
  /** Local times "HH:MM"; a message due inside is deferred to the end. */
  quietHours: jsonb().$type<{ start: string; end: string } | null>(),
  /** At most `max` marketing messages of one channel per profile in `hours` hours, by channel kind. */
  channelCaps: jsonb().$type<Record<string, { max: number; hours: number }>>().notNull().default({}),
  /** Time zone for profiles without one. */
  defaultTimezone: text().notNull().default("UTC"),
  /** A deferred campaign or API-triggered message not sent within this many hours expires. */
  deferredExpiryHours: integer().notNull().default(72),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
