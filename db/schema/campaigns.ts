import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";
import { audiences } from "./audiences";
import { channelConfigurations, templates } from "./channels";
import { profiles } from "./profiles";
import { workspaces } from "./workspaces";

export type TCampaignSchedule =
  | { type: "now" }
  | { type: "at"; at: string; timezone: string }
  | { type: "recurring"; frequency: "daily" | "weekly" | "monthly"; time: string; timezone: string; daysOfWeek?: number[]; dayOfMonth?: number; startsOn: string; until?: string }
  /** Local-time delivery: `time` on `date` in each recipient's own zone (server/campaigns/local-time.ts). */
  | { type: "local"; date: string; time: string };

/** A local-time execution's group of recipients due at one instant: positions (after, to], their zones ("" = the workspace default). */
export type TExecutionWave = { at: string; after: number; to: number; zones: string[] };

export const CAMPAIGN_STATUSES = ["draft", "in_review", "approved", "rejected", "active", "paused", "completed", "stopped"] as const;
export type TCampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * A campaign: scheduled (one audience, sent at once, at a time, or on a recurrence) or
 * API-triggered (one recipient per call, marketing or transactional). Content is a snapshot
 * of the template when the campaign was last edited.
 */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    type: text().$type<"scheduled" | "api">().notNull(),
    apiMode: text().$type<"marketing" | "transactional">(),
    status: text().$type<TCampaignStatus>().notNull().default("draft"),
    audienceId: uuid().references(() => audiences.id, { onDelete: "restrict" }),
    kind: text().notNull(),
    configurationId: uuid().references(() => channelConfigurations.id, { onDelete: "set null" }),
    templateId: uuid().references(() => templates.id, { onDelete: "set null" }),
    content: jsonb().notNull().$type<Record<string, unknown>>(),
    /** Bumped by every edit; compiled content is cached per (campaign, version). */
    version: integer().notNull().default(1),
    schedule: jsonb().$type<TCampaignSchedule>(),
    ratePerSecond: integer(),
    /** Set by an admin: its messages ignore frequency caps (they still count toward them). */
    capExempt: boolean().notNull().default(false),
    /** The subscription topic its messages are sent under (null: the channel's general marketing consent). */
    topicId: uuid(),
    /** Internal addresses (emails, or E.164 phones for SMS) that get one copy of each send, marked is_test, outside reports. */
    seedAddresses: jsonb().$type<string[]>().notNull().default([]),
    submittedById: text().references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp({ withTimezone: true }),
    reviewedById: text().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewComment: text(),
    createdById: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("campaigns_name").on(t.workspaceId, sql`lower(${t.name})`), index().on(t.workspaceId, t.updatedAt)],
);

export const EXECUTION_STATUSES = ["scheduled", "snapshotting", "sending", "paused", "completed", "stopped", "failed"] as const;
export type TExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** One send of a scheduled campaign (a recurring one has one per occurrence), with its counters. */
export const campaignExecutions = pgTable(
  "campaign_executions",
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: uuid().notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    occurrenceAt: timestamp({ withTimezone: true }).notNull(),
    status: text().$type<TExecutionStatus>().notNull().default("scheduled"),
    targeted: integer().notNull().default(0),
    processed: integer().notNull().default(0),
    /** Local-time delivery only: the recipients grouped by when their zone reaches the time, in position order. */
    waves: jsonb().$type<TExecutionWave[]>(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("campaign_executions_occurrence").on(t.campaignId, t.occurrenceAt), index().on(t.workspaceId, t.createdAt)],
);

/** The audience snapshot of an execution: who is targeted, in a stable order for paging. */
export const campaignRecipients = pgTable(
  "campaign_recipients",
  {
    executionId: uuid().notNull().references(() => campaignExecutions.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    profileId: uuid().notNull().references(() => profiles.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.executionId, t.position] }), uniqueIndex().on(t.executionId, t.profileId)],
);

/** Workspace-level switches for campaigns and journeys. */
export const workspaceSettings = pgTable("workspace_settings", {
  workspaceId: uuid().primaryKey().references(() => workspaces.id, { onDelete: "cascade" }),
  /** Campaigns and journeys need an approver's OK before they go live. */
  approvalRequired: boolean().notNull().default(true),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** `Idempotency-Key` of API triggers: the same key gets the same answer and one message. */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    key: text().notNull(),
    /** What the key was used for (e.g. the campaign trigger route and campaign id): reuse elsewhere is a 422. */
    scope: text().notNull(),
    requestHash: text().notNull(),
    status: integer().notNull(),
    response: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);
