import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { closeDb, openPglite, openPostgres, setDbHandle } from "@/db/client";
import { databaseUrlFor } from "./database-url";

// Every test file gets a fresh, migrated database of its own.
const template = inject("dbTemplate");

if (template.kind === "pglite") {
  const blob = new Blob([readFileSync(template.file)]);
  setDbHandle(await openPglite({ loadDataDir: blob }));
  afterAll(closeDb);
} else {
  const name = `parcours_t_${randomBytes(6).toString("hex")}`;
  const admin = await openPostgres(template.url);
  const sql = (admin.db as unknown as { $client: import("postgres").Sql }).$client;
  await sql.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template.template}`);
  process.env.PARCOURS_TEST_DATABASE_URL = databaseUrlFor(template.url, name);
  setDbHandle(await openPostgres(process.env.PARCOURS_TEST_DATABASE_URL));
  afterAll(async () => {
    await closeDb();
    await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  });
}
