import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { profiles } from "./profiles";
import { workspaces } from "./workspaces";

/** The topic id of a channel's general marketing consent in profile_consents (the nil UUID: a primary key column cannot be null). */
export const GENERAL_TOPIC = "00000000-0000-0000-0000-000000000000";

export const CONSENT_SOURCES = ["api", "import", "preference_page", "provider_stop", "admin", "unsubscribe_link", "double_opt_in"] as const;
export type TConsentSource = (typeof CONSENT_SOURCES)[number];
/** `pending`: an opt-in waiting for its double opt-in confirmation (sends nothing yet). */
export type TConsentStatus = "subscribed" | "unsubscribed" | "pending";

/**
 * A workspace's subscription topic ("Newsletter", "Offers by SMS") on one channel: opt-in
 * (only profiles with a recorded opt-in get it) or opt-out (everyone but those who left it).
 * Archived topics are kept, as messages and consents name them.
 */
export const subscriptionTopics = pgTable(
  "subscription_topics",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    channel: text().notNull(),
    defaultStatus: text().$type<"opt_in" | "opt_out">().notNull(),
    /** Email opt-in topics: an opt-in recorded by the API waits for the link of a confirmation email. */
    doubleOptIn: boolean().notNull().default(false),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("subscription_topics_name").on(t.workspaceId, sql`lower(${t.name})`)],
);

/** Every change of a profile's consent: what, from where, when (the current state is profile_consents). */
export const consentEvents = pgTable(
  "consent_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid().notNull().references(() => profiles.id, { onDelete: "cascade" }),
    channel: text().notNull(),
    topicId: uuid().notNull(),
    status: text().$type<TConsentStatus>().notNull(),
    source: text().$type<TConsentSource>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.profileId, t.createdAt)],
);
