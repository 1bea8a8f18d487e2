import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";

export interface TMigrationStatus {
  current: boolean;
  applied: number;
  expected: number;
  /** The newest migration this code ships that the database has not applied. */
  pending?: string;
}

interface TJournal {
  entries: { tag: string; when: number }[];
}

/**
 * Whether the database has every migration in db/migrations/meta/_journal.json. Drizzle's
 * migrator applies a migration when its `when` is newer than the newest `created_at` it
 * recorded, so that is what is compared (a database without the table has none).
 */
export async function migrationStatus(db: Db, migrationsFolder: string): Promise<TMigrationStatus> {
  const journal = JSON.parse(await readFile(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as TJournal;
  const [table] = rowsOf<{ present: boolean }>(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`));
  const [applied] = table?.present
    ? rowsOf<{ n: number; newest: string | null }>(await db.execute(sql`select count(*)::int as n, max(created_at)::text as newest from drizzle.__drizzle_migrations`))
    : [{ n: 0, newest: null }];
  const newest = Number(applied?.newest ?? 0);
  const missing = journal.entries.filter((e) => e.when > newest);
  return {
    current: missing.length === 0,
    applied: applied?.n ?? 0,
    expected: journal.entries.length,
    ...(missing.length ? { pending: missing[missing.length - 1]!.tag } : {}),
  };
}
