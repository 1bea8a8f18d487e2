import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

export type TEventField = { name: string; type: "string" | "number" | "boolean" | "date"; required: boolean };

/**
 * A business event (the seeds' "rule-based event"): incoming `track` calls named `trackName`
 * whose properties satisfy `condition` (CEL over the properties) become this event, which
 * journeys and audiences use by name.
 */
export const eventDefinitions = pgTable(
  "event_definitions",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text(),
    trackName: text().notNull(),
    fields: jsonb().notNull().$type<TEventField[]>().default([]),
    condition: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.workspaceId, t.name), index().on(t.workspaceId, t.trackName)],
);
