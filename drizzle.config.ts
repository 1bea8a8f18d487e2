import { defineConfig } from "drizzle-kit";

// Generation only needs the schema; no database connection is opened.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
