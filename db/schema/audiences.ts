import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { TRuleGroup } from "@/server/audiences/rules";
import { users } from "./auth";
import { profiles } from "./profiles";
import { workspaces } from "./workspaces";

export const AUDIENCE_KINDS = ["rules", "list"] as const;
export type TAudienceKind = (typeof AUDIENCE_KINDS)[number];

/**
 * A saved audience. `rules` audiences are evaluated in SQL whenever they are used (always
 * current); `list` audiences are static: their members are the rows of audience_members,
 * added and removed by hand, API, CSV import, journeys and campaigns.
 */
export const audiences = pgTable(
  "audiences",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text(),
    kind: text().$type<TAudienceKind>().notNull(),
    rules: jsonb().$type<TRuleGroup>(),
    /** Last measured size, refreshed when the audience is counted. */
    lastCount: integer(),
    countedAt: timestamp({ withTimezone: true }),
    createdById: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("audiences_workspace_name").on(t.workspaceId, sql`lower(${t.name})`), index().on(t.workspaceId, t.updatedAt)],
);

/** Members of static lists. */
export const audienceMembers = pgTable(
  "audience_members",
  {
    audienceId: uuid().notNull().references(() => audiences.id, { onDelete: "cascade" }),
    profileId: uuid().notNull().references(() => profiles.id, { onDelete: "cascade" }),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.audienceId, t.profileId] }), index().on(t.profileId)],
);

export const CSV_IMPORT_STATUSES = ["uploaded", "importing", "completed", "failed"] as const;
export type TCsvImportStatus = (typeof CSV_IMPORT_STATUSES)[number];

export type TCsvColumnMapping = {
  /** Column index in the file. */
  column: number;
  header: string;
  /** "identity": identifies the profile; "attribute": stored under `key`; "skip". */
  role: "identity" | "attribute" | "skip";
  key?: string;
  type?: "string" | "number" | "boolean" | "date";
  namespace?: "external_id" | "email" | "phone";
};

/** A CSV upload and its background import into profiles and a static list. */
export const csvImports = pgTable(
  "csv_imports",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    audienceId: uuid().references(() => audiences.id, { onDelete: "set null" }),
    fileName: text().notNull(),
    /** Where the upload is stored, relative to the data folder. */
    storedPath: text().notNull(),
    bytesTotal: integer().notNull(),
    bytesProcessed: integer().notNull().default(0),
    status: text().$type<TCsvImportStatus>().notNull().default("uploaded"),
    mapping: jsonb().$type<TCsvColumnMapping[]>(),
    rowsProcessed: integer().notNull().default(0),
    rowsImported: integer().notNull().default(0),
    rowsFailed: integer().notNull().default(0),
    error: text(),
    createdById: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.workspaceId, t.createdAt)],
);

/** Rows an import could not take, with the reason (listed and downloadable). */
export const csvImportErrors = pgTable(
  "csv_import_errors",
  {
    importId: uuid().notNull().references(() => csvImports.id, { onDelete: "cascade" }),
    rowNumber: integer().notNull(),
    message: text().notNull(),
    raw: text(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber] })],
);
