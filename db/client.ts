import path from "node:path";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";
import { dataDir } from "@/server/config/data-dir";
import { acquireDataDirLock } from "./data-dir-lock";
import { preparingStatements } from "./prepared-statements";
import { connectionOptions } from "./connection-options";

/**
 * One type for both drivers. PGlite's drizzle database has the same query API; only raw
 * `execute()` results differ, so code outside db/ never calls `execute()` directly.
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

interface DbHandle {
  db: Db;
  driver: "pglite" | "postgres";
  close: () => Promise<void>;
}

const globalKey = Symbol.for("parcours.db");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<DbHandle> };
const g = globalThis as GlobalWithDb;

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

export async function openPostgres(url: string): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const target = connectionOptions(url);
  const client = postgres(target.url, { max: Number(process.env.PARCOURS_DB_POOL ?? 10), onnotice: () => {}, ...(target.host ? { host: target.host } : {}) });
  const db = drizzle({ client: preparingStatements(client), schema, casing: "snake_case" });
  return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
}

export async function openPglite(options: { dir?: string; loadDataDir?: Blob } = {}): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const release = options.dir ? acquireDataDirLock(options.dir) : () => {};
  const client = options.loadDataDir
    ? new PGlite({ loadDataDir: options.loadDataDir })
    : new PGlite(options.dir);
  await client.waitReady;
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

export async function migrateDb(handle: DbHandle): Promise<void> {
  if (handle.driver === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  }
}

/**
 * Opens the database and applies pending migrations, unless PARCOURS_MIGRATE_ON_START=0: a
 * deployment with several replicas migrates once with `parcours migrate` before starting
 * them (drizzle's migrator takes no lock, so replicas must not race it).
 */
async function openFromEnv(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  const handle = url ? await openPostgres(url) : await openPglite({ dir: path.join(dataDir(), "pgdata") });
  if (process.env.PARCOURS_MIGRATE_ON_START !== "0") await migrateDb(handle);
  return handle;
}

/** The process-wide database, opened (and migrated, see openFromEnv) on first use. */
export async function getDbHandle(): Promise<DbHandle> {
  g[globalKey] ??= openFromEnv();
  return g[globalKey];
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests and the CLI install their own database. */
export function setDbHandle(handle: DbHandle): void {
  g[globalKey] = Promise.resolve(handle);
}

export async function closeDb(): Promise<void> {
  const pending = g[globalKey];
  g[globalKey] = undefined;
  const handle = await pending?.catch(() => null);
  await handle?.close();
}

export type { DbHandle };
