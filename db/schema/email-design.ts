import { sql } from "drizzle-orm";
import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { workspaces } from "./workspaces";

/** A workspace's brand kit (logo, colours, font), applied to every email it sends. */
export const emailBrands = pgTable("email_brands", {
  workspaceId: uuid().primaryKey().references(() => workspaces.id, { onDelete: "cascade" }),
  brand: jsonb().notNull().$type<Record<string, unknown>>(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Reusable email blocks (a header, a footer...) saved from the editor, per workspace. */
export const emailBlocks = pgTable(
  "email_blocks",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    role: text().notNull().default("block"),
    /** Editor nodes (Tiptap JSON), inserted as they are. */
    content: jsonb().notNull().$type<unknown[]>(),
    createdById: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("email_blocks_name").on(t.workspaceId, sql`lower(${t.name})`)],
);
