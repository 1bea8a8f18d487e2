import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDb, openPglite, openPostgres } from "@/db/client";
import { databaseUrlFor } from "./database-url";

/**
 * Migrate once, then let every test file start from a copy: a PGlite data-dir dump on
 * the embedded default, or a template database on a real PostgreSQL server.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `parcours_tpl_${process.pid}`;
    const admin = await openPostgres(url);
    const sql = (admin.db as unknown as { $client: import("postgres").Sql }).$client;
    await sql.unsafe(`DROP DATABASE IF EXISTS ${template}`);
    await sql.unsafe(`CREATE DATABASE ${template}`);
    const tpl = await openPostgres(databaseUrlFor(url, template));
    await migrateDb(tpl);
    await tpl.close();
    project.provide("dbTemplate", { kind: "postgres", url, template });
    return async () => {
      await sql.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.close();
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "parcours-test-"));
  const handle = await openPglite();
  await migrateDb(handle);
  const dump = await (handle.db as unknown as { $client: import("@electric-sql/pglite").PGlite }).$client.dumpDataDir("none");
  const file = path.join(dir, "migrated.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("dbTemplate", { kind: "pglite", file });
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplate: { kind: "pglite"; file: string } | { kind: "postgres"; url: string; template: string };
  }
}
