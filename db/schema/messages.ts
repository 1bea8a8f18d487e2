import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, boolean } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

/**
 * UUIDv7 (migration 0015's uuid_v7()): ids that grow with time, so a send's inserts append to
 * the right edge of the primary keys (and of message_events' message index) instead of touching
 * random pages of indexes larger than shared_buffers (+30% on a send's writes, docs/benchmarks.md).
 */
const TIME_ORDERED_ID = sql`uuid_v7()`;

export const MESSAGE_STATUSES = ["queued", "sending", "deferred", "sent", "delivered", "failed", "suppressed", "bounced", "complained", "expired"] as const;
export type TMessageStatus = (typeof MESSAGE_STATUSES)[number];
export type TMessageSource = "campaign" | "journey" | "transactional" | "test";

/**
 * One message to one recipient, with its rendered content.
 *
 * Written twice by every send (claimed as `sending`, then its result), so the table is shaped
 * for those two writes (migration 0017, docs/benchmarks.md): no foreign keys, as each row's
 * checks cost a third of PostgreSQL's time in a campaign (their deletes cascade through
 * statement triggers: a workspace's or a profile's take their messages, a message's take its
 * history and provider id); no index on a column the result writes, and pages filled to 30%
 * at insert, so the result is a heap-only update that touches no index. The configuration id
 * stays after its configuration is deleted, like the plugin id. `idempotencyKey` (source + step
 * + profile) is unique per workspace: a retried send finds the message instead of sending twice.
 * An email rendered from a versioned content (`contentKey`) keeps only its subject in `content`,
 * and the merge values its template reads in `contentScope`; its HTML and text are rendered
 * again when read (server/messaging/content-refs.ts).
 */
export const messages = pgTable(
  "messages",
  {
    id: uuid().primaryKey().default(TIME_ORDERED_ID),
    workspaceId: uuid().notNull(),
    profileId: uuid(),
    configurationId: uuid(),
    pluginId: text().notNull(),
    kind: text().notNull(),
    sourceType: text().$type<TMessageSource>().notNull(),
    sourceId: text(),
    stepId: text(),
    idempotencyKey: text().notNull(),
    status: text().$type<TMessageStatus>().notNull().default("queued"),
    /** The address as sent to (email, phone, device count...), for the log. */
    recipient: text(),
    content: jsonb().$type<Record<string, unknown>>(),
    contentKey: text(),
    contentScope: jsonb().$type<Record<string, unknown>>(),
    providerMessageId: text(),
    error: text(),
    isTest: boolean().notNull().default(false),
    deferredUntil: timestamp({ withTimezone: true }),
    /** When the message took a frequency-cap slot (reserved under the profile's lock, server/messaging/frequency-caps.ts); counted with sentAt for older messages. */
    cappedAt: timestamp({ withTimezone: true }),
    /** The subscription topic it was sent under: its one-click unsubscribe leaves that topic (null: the channel). */
    topicId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("messages_idempotency").on(t.workspaceId, t.idempotencyKey),
    index().on(t.workspaceId, t.createdAt),
    index().on(t.profileId, t.createdAt),
    index().on(t.workspaceId, t.sourceType, t.sourceId),
  ],
);

/** The source content of each version messages were rendered from (by its cacheKey), kept for as long as the messages. */
export const messageContents = pgTable(
  "message_contents",
  {
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    key: text().notNull(),
    kind: text().notNull(),
    content: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);

export const MESSAGE_EVENT_TYPES = ["queued", "deferred", "sent", "delivered", "opened", "clicked", "bounced", "complained", "unsubscribed", "failed", "suppressed", "retried", "expired"] as const;
export type TMessageEventType = (typeof MESSAGE_EVENT_TYPES)[number];

/** The status history and reactions of a message (published to workflows as message/<type>). */
export const messageEvents = pgTable(
  "message_events",
  {
    id: uuid().primaryKey().default(TIME_ORDERED_ID),
    // No foreign keys (see messages): deleted with their message by a trigger.
    messageId: uuid().notNull(),
    workspaceId: uuid().notNull(),
    type: text().$type<TMessageEventType>().notNull(),
    data: jsonb().$type<Record<string, unknown>>(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.messageId, t.at), index().on(t.workspaceId, t.type, t.at)],
);

/**
 * The provider's id of each message sent through a plugin that takes delivery webhooks, which
 * name the message by it. Apart from messages, so their result update stays heap-only; no row
 * for plugins without webhooks (the Dev inbox, SMTP), which nothing looks up.
 */
export const messageProviderIds = pgTable(
  "message_provider_ids",
  {
    configurationId: uuid().notNull(),
    providerMessageId: text().notNull(),
    messageId: uuid().notNull(),
  },
  (t) => [primaryKey({ columns: [t.configurationId, t.providerMessageId] })],
);

/** Short links for SMS: /s/<code> redirects to `url` and records a click on the message. */
export const shortLinks = pgTable("short_links", {
  code: text().primaryKey(),
  messageId: uuid().notNull().references(() => messages.id, { onDelete: "cascade" }),
  url: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
