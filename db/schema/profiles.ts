import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

/** A customer of a workspace. Attributes are free JSON, typed by observation (profile_attribute_types). */
export const profiles = pgTable(
  "profiles",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    attributes: jsonb().notNull().$type<Record<string, unknown>>().default({}),
    timezone: text(),
    isTest: boolean().notNull().default(false),
    /** For a test profile: the path it suits, shown in the journey test panel ("opens and buys"). */
    testNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.workspaceId, t.updatedAt), index("profiles_attributes_gin").using("gin", t.attributes)],
);

export const IDENTITY_NAMESPACES = ["external_id", "email", "phone", "anonymous_id"] as const;
export type TIdentityNamespace = (typeof IDENTITY_NAMESPACES)[number];

/** How a profile is recognized; a value is unique per workspace and namespace. */
export const profileIdentities = pgTable(
  "profile_identities",
  {
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    namespace: text().$type<TIdentityNamespace>().notNull(),
    value: text().notNull(),
    profileId: uuid().notNull().references(() => profiles.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.namespace, t.value] }), index().on(t.profileId)],
);

export const ATTRIBUTE_TYPES = ["string", "number", "boolean", "date", "object", "array"] as const;

/** The types each attribute key has been seen with, for type-aware filters and builders. */
export const profileAttributeTypes = pgTable(
  "profile_attribute_types",
  {
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    key: text().notNull(),
    type: text().$type<(typeof ATTRIBUTE_TYPES)[number]>().notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key, t.type] })],
);

export const INDEXED_ATTRIBUTE_TYPES = ["string", "number"] as const;
export type TIndexedAttributeType = (typeof INDEXED_ATTRIBUTE_TYPES)[number];
export type TIndexedAttributeStatus = "building" | "ready" | "failed" | "removing";

/**
 * Attribute keys copied into a typed column of profiles (`indexed_attr_<id>`, kept by a trigger)
 * with an index that answers audience counts without reading profiles
 * (server/audiences/indexed-attributes). Instance-wide: a column serves every workspace.
 */
export const indexedAttributes = pgTable(
  "indexed_attributes",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    key: text().notNull(),
    type: text().$type<TIndexedAttributeType>().notNull(),
    status: text().$type<TIndexedAttributeStatus>().notNull().default("building"),
    error: text(),
    requestedBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.key, t.type)],
);

/** Segment-spec calls as received: track, page, screen, identify, group (alias merges instead). */
export const events = pgTable(
  "events",
  {
    id: uuid().primaryKey().defaultRandom(),
    // No foreign key to workspaces: the profile's (below) already ties the event to its workspace
    // and deletes it with the workspace. Checking a second key cost a quarter of each insert,
    // and every concurrent ingesting transaction locked the same workspaces row.
    workspaceId: uuid().notNull(),
    profileId: uuid().notNull().references(() => profiles.id, { onDelete: "cascade" }),
    type: text().$type<"track" | "page" | "screen" | "identify" | "group">().notNull(),
    name: text(),
    properties: jsonb().notNull().$type<Record<string, unknown>>().default({}),
    context: jsonb().$type<Record<string, unknown>>(),
    messageId: text().notNull(),
    /** The business event this call matched, if any (event_definitions). */
    definitionId: uuid(),
    timestamp: timestamp({ withTimezone: true }).notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Idempotency: the same messageId is stored once per workspace.
    uniqueIndex("events_message_id").on(t.workspaceId, t.messageId),
    index().on(t.profileId, t.timestamp),
    // The workspace's events newest first (GET /api/v1/events), paged on (timestamp, id).
    index().on(t.workspaceId, t.timestamp, t.id),
    // profile_id last: "performed X at least N times" reads member ids from the index alone.
    index().on(t.workspaceId, t.name, t.timestamp, t.profileId).where(sql`type = 'track'`),
    index().on(t.definitionId, t.timestamp).where(sql`definition_id is not null`),
  ],
);
