import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

// Tables read and written by the Auth.js drizzle adapter, plus our password and
// sign-in throttling columns. Users are global; workspace membership lives in workspaces.ts.
export const users = pgTable("users", {
  id: text().primaryKey().$defaultFn(() => crypto.randomUUID()),
  name: text(),
  email: text().unique(),
  emailVerified: timestamp({ mode: "date", withTimezone: true }),
  image: text(),
  passwordHash: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const accounts = pgTable(
  "accounts",
  {
    userId: text().notNull().references(() => users.id, { onDelete: "cascade" }),
    type: text().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable("sessions", {
  sessionToken: text().primaryKey(),
  userId: text().notNull().references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp({ mode: "date", withTimezone: true }).notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: timestamp({ mode: "date", withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/**
 * Sign-in attempts per throttling key (`email:<address>`, `ip:<address>`) in a fixed window.
 * One upsert increments and returns the count, so parallel attempts cannot pass the limit.
 */
export const signInAttempts = pgTable("sign_in_attempts", {
  key: text().primaryKey(),
  attempts: integer().notNull(),
  windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
