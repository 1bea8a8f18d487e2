import { randomBytes } from "node:crypto";
import { migrateDb, openPglite, openPostgres } from "@/db/client";
import { databaseUrlFor } from "@/test/database-url";

const ROUNDS = 5;

async function time(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * What a fresh database per test file costs: migrating from scratch (the naive way)
 * against loading a migrated dump (PGlite) or cloning a template database (PostgreSQL).
 */
export async function run() {
  const pgliteMigrate: number[] = [];
  const pgliteLoad: number[] = [];
  const seed = await openPglite();
  await migrateDb(seed);
  const dump = await (seed.db as unknown as { $client: import("@electric-sql/pglite").PGlite }).$client.dumpDataDir("none");
  await seed.close();
  for (let i = 0; i < ROUNDS; i++) {
    pgliteMigrate.push(await time(async () => { const h = await openPglite(); await migrateDb(h); await h.close(); }));
    pgliteLoad.push(await time(async () => { const h = await openPglite({ loadDataDir: dump }); await h.close(); }));
  }
  const figures: Record<string, unknown> = {
    rounds: ROUNDS,
    pglite_new_and_migrate_ms: Math.round(median(pgliteMigrate)),
    pglite_load_migrated_dump_ms: Math.round(median(pgliteLoad)),
  };

  const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  try {
    const admin = await openPostgres(url);
    const sql = (admin.db as unknown as { $client: import("postgres").Sql }).$client;
    const tpl = `bench_tpl_${randomBytes(4).toString("hex")}`;
    await sql.unsafe(`CREATE DATABASE ${tpl}`);
    const t = await openPostgres(databaseUrlFor(url, tpl));
    await migrateDb(t);
    await t.close();
    const migrate: number[] = [];
    const clone: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const a = `bench_${randomBytes(4).toString("hex")}`;
      migrate.push(await time(async () => {
        await sql.unsafe(`CREATE DATABASE ${a}`);
        const h = await openPostgres(databaseUrlFor(url, a));
        await migrateDb(h);
        await h.close();
      }));
      const b = `bench_${randomBytes(4).toString("hex")}`;
      clone.push(await time(async () => { await sql.unsafe(`CREATE DATABASE ${b} TEMPLATE ${tpl}`); }));
      await sql.unsafe(`DROP DATABASE ${a} WITH (FORCE)`);
      await sql.unsafe(`DROP DATABASE ${b} WITH (FORCE)`);
    }
    await sql.unsafe(`DROP DATABASE ${tpl} WITH (FORCE)`);
    await admin.close();
    figures.postgres_create_and_migrate_ms = Math.round(median(migrate));
    figures.postgres_clone_template_ms = Math.round(median(clone));
  } catch (error) {
    figures.postgres = `skipped: ${(error as Error).message}`;
  }
  return figures;
}
