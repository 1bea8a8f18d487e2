import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { TJourneyGraph, TJourneySettings } from "@/server/journeys/graph/model";
import { users } from "./auth";
import { profiles } from "./profiles";
import { workspaces } from "./workspaces";

export const JOURNEY_STATUSES = ["draft", "live", "stopped", "closed"] as const;
export type TJourneyStatus = (typeof JOURNEY_STATUSES)[number];
export type TJourneyReview = "none" | "in_review" | "approved" | "rejected";

/**
 * A journey and its working draft. `graph` and `settings` are the draft the canvas edits;
 * publishing freezes them into a journey_versions row. `review` is the draft's approval state
 * (editing sends it back to "none"); `testMode` lets test profiles run the draft.
 */
export const journeys = pgTable(
  "journeys",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text(),
    status: text().$type<TJourneyStatus>().notNull().default("draft"),
    graph: jsonb().notNull().$type<TJourneyGraph>(),
    settings: jsonb().notNull().$type<TJourneySettings>(),
    /** Bumped by each saved edit; autosave sends the revision it edited, so a stale tab cannot overwrite. */
    revision: integer().notNull().default(1),
    /** The draft differs from the live version. */
    draftChanged: boolean().notNull().default(true),
    testMode: boolean().notNull().default(false),
    review: text().$type<TJourneyReview>().notNull().default("none"),
    submittedById: text().references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp({ withTimezone: true }),
    reviewedById: text().references(() => users.id, { onDelete: "set null" }),
    reviewComment: text(),
    liveVersionId: uuid(),
    createdById: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("journeys_name").on(t.workspaceId, sql`lower(${t.name})`), index().on(t.workspaceId, t.updatedAt)],
);

/** A frozen graph: each publish makes one (number 1, 2, ...); test mode runs on test versions (number 0). */
export const journeyVersions = pgTable(
  "journey_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    journeyId: uuid().notNull().references(() => journeys.id, { onDelete: "cascade" }),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    isTest: boolean().notNull().default(false),
    graph: jsonb().notNull().$type<TJourneyGraph>(),
    settings: jsonb().notNull().$type<TJourneySettings>(),
    publishedById: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.journeyId, t.number)],
);

export const ENROLLMENT_STATUSES = ["active", "completed", "exited", "stopped", "failed"] as const;
export type TEnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** One profile's run through one journey version (one durable workflow run). */
export const journeyEnrollments = pgTable(
  "journey_enrollments",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    journeyId: uuid().notNull().references(() => journeys.id, { onDelete: "cascade" }),
    versionId: uuid().notNull().references(() => journeyVersions.id, { onDelete: "cascade" }),
    profileId: uuid().notNull().references(() => profiles.id, { onDelete: "cascade" }),
    isTest: boolean().notNull().default(false),
    status: text().$type<TEnrollmentStatus>().notNull().default("active"),
    currentNodeId: text(),
    /** The business event that started it (event entries), so a redelivered event starts nothing new. */
    triggerEventId: uuid(),
    trigger: jsonb().$type<Record<string, unknown>>(),
    exitReason: text(),
    /** The journey_cohorts row it waits in (a timed wait, or a reaction/event wait's timeout); FK in migration 0031. */
    cohortId: uuid(),
    enteredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.journeyId, t.profileId, t.enteredAt),
    index("journey_enrollments_cohort").on(t.cohortId).where(sql`${t.status} = 'active'`),
    index().on(t.profileId, t.status),
    index("journey_enrollments_waiting").on(t.journeyId, t.isTest, t.currentNodeId).where(sql`${t.status} = 'active'`),
    uniqueIndex("journey_enrollments_trigger").on(t.versionId, t.profileId, t.triggerEventId),
  ],
);

/** The trace: each step a run took, when, and how it came out (sent, opened, timeout, a branch). */
export const journeySteps = pgTable(
  "journey_steps",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    enrollmentId: uuid().notNull().references(() => journeyEnrollments.id, { onDelete: "cascade" }),
    journeyId: uuid().notNull().references(() => journeys.id, { onDelete: "cascade" }),
    nodeId: text().notNull(),
    isTest: boolean().notNull().default(false),
    enteredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    outcome: text(),
    detail: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [uniqueIndex().on(t.enrollmentId, t.nodeId), index().on(t.journeyId, t.isTest, t.nodeId)],
);
