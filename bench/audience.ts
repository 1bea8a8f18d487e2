import os from "node:os";
import { PgDialect } from "drizzle-orm/pg-core";
import { sql as dsql } from "drizzle-orm";
import { indexedAttributes, users } from "@/db/schema";
import { getDb, migrateDb, openPostgres, setDbHandle } from "@/db/client";
import { cliActor } from "@/server/audit/actor";
import { audienceCondition, countAudience } from "@/server/audiences/count-audience";
import { requestIndexBuild } from "@/server/audiences/indexed-attributes/build-attribute-indexes";
import { loadIndexedColumns } from "@/server/audiences/indexed-attributes/indexed-columns";
import type { TRuleGroup } from "@/server/audiences/rules";
import { createWorkspace } from "@/server/workspaces/create-workspace";
import { databaseUrlFor } from "@/test/database-url";
import { loadAudienceData } from "./audience-data";

const PROFILES = Number(process.env.BENCH_PROFILES ?? 1_000_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DB_NAME = "parcours_bench_audience";

const and = (...rules: TRuleGroup["rules"]): TRuleGroup => ({ kind: "group", combinator: "and", rules });
const or = (...rules: TRuleGroup["rules"]): TRuleGroup => ({ kind: "group", combinator: "or", rules });
const cities = ["Atlanta", "San Francisco", "Seattle"];

/** The audiences measured: the seed rule (two spellings), and event rules. */
export const AUDIENCES: Record<string, TRuleGroup> = {
  seed_city_or_and_birth_year: and(or(...cities.map((value) => ({ kind: "attribute" as const, key: "city", op: "equals" as const, value }))), { kind: "attribute", key: "birthYear", op: "gt", value: 1980 }),
  seed_city_one_of_and_birth_year: and({ kind: "attribute", key: "city", op: "one_of", values: cities }, { kind: "attribute", key: "birthYear", op: "gt", value: 1980 }),
  purchase_at_least_3_in_90_days: and({ kind: "event", name: "purchase", performed: true, count: { op: "at_least", n: 3 }, withinDays: 90, where: [] }),
  purchase_shoes_at_least_2_in_180_days: and({ kind: "event", name: "purchase", performed: true, count: { op: "at_least", n: 2 }, withinDays: 180, where: [{ key: "product", value: "Shoes" }] }),
  seed_and_purchased_in_30_days: and(
    { kind: "attribute", key: "city", op: "one_of", values: cities },
    { kind: "attribute", key: "birthYear", op: "gt", value: 1980 },
    { kind: "event", name: "purchase", performed: true, withinDays: 30, where: [] },
  ),
};

// Indexes proposed for db/schema/profiles.ts, built here by SQL until a migration adds them
// (BENCH_PROPOSED_INDEXES=0 measures without). profile_id as the last key column lets
// "performed X at least N times" read the profile ids from the index alone.
const PROPOSED_INDEXES = [
  "create index if not exists events_workspace_id_name_timestamp_profile_id_index on events (workspace_id, name, timestamp, profile_id) where type = 'track'",
];

// The seed rule's attributes, indexed as an admin would (BENCH_INDEXED_ATTRIBUTES=0: not).
const INDEXED = [{ key: "city", type: "string" as const }, { key: "birthYear", type: "number" as const }];

/** Inserting 100,000 profiles in one statement, rolled back: the write cost of indexed attributes. */
async function profileInsertSeconds(client: import("postgres").Sql, workspaceId: string) {
  const conn = await client.reserve();
  await conn.unsafe("begin");
  const t0 = performance.now();
  await conn.unsafe(`insert into profiles (workspace_id, attributes) select '${workspaceId}', jsonb_build_object('city', 'City' || (i % 12), 'birthYear', 1950 + i % 60, 'plan', 'pro', 'email', 'insert' || i || '@example.com', 'vip', false) from generate_series(1, 100000) i`);
  const seconds = (performance.now() - t0) / 1000;
  await conn.unsafe("rollback");
  await conn.unsafe("vacuum profiles");
  conn.release();
  return Number(seconds.toFixed(2));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** countAudience: median and fastest of ROUNDS after one warm-up. */
async function timeCount(workspaceId: string, rules: TRuleGroup, now: Date) {
  await countAudience(workspaceId, rules, now); // warm the cache
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    count = await countAudience(workspaceId, rules, now);
    times.push(performance.now() - t0);
  }
  return { count, median_ms: Math.round(median(times)), min_ms: Math.round(Math.min(...times)) };
}

/** Audience counts over a million profiles and ten million events, with their query plans. */
export async function run() {
  const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const admin = await openPostgres(databaseUrlFor(url, "postgres"));
  const adminSql = (admin.db as unknown as { $client: import("postgres").Sql }).$client;
  // BENCH_REUSE_DB=1 measures again on the data a BENCH_KEEP_DB=1 run left.
  const reuse = process.env.BENCH_REUSE_DB && (await adminSql`select 1 from pg_database where datname = ${DB_NAME}`).length > 0;
  if (!reuse) {
    await adminSql.unsafe(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await adminSql.unsafe(`CREATE DATABASE ${DB_NAME}`);
  }
  const handle = await openPostgres(databaseUrlFor(url, DB_NAME));
  try {
    await migrateDb(handle);
    setDbHandle(handle);
    const db = await getDb();
    const client = (handle.db as unknown as { $client: import("postgres").Sql }).$client;
    let loading: Record<string, unknown> = { reused: true };
    let workspace: { id: string };
    if (reuse) {
      [workspace] = (await client`select id from workspaces limit 1`) as unknown as [{ id: string }];
    } else {
      const [owner] = await db.insert(users).values({ email: "bench@example.com", name: "bench" }).returning({ id: users.id });
      workspace = await createWorkspace({ name: "Bench" }, { userId: owner!.id, actor: cliActor });
      loading = await loadAudienceData(client, workspace.id, PROFILES, EVENTS);
      console.log(JSON.stringify(loading));
    }

    if (process.env.BENCH_PROPOSED_INDEXES !== "0") {
      const conn = await client.reserve();
      await conn.unsafe("set maintenance_work_mem = '1GB'");
      for (const ddl of PROPOSED_INDEXES) await conn.unsafe(ddl);
      await conn.unsafe("vacuum analyze events");
      conn.release();
    }
    const indexing: Record<string, unknown> = {};
    const alreadyIndexed = (await db.select().from(indexedAttributes)).length > 0;
    if (process.env.BENCH_INDEXED_ATTRIBUTES !== "0" && !alreadyIndexed) {
      indexing.seed_one_of_before = await timeCount(workspace.id, AUDIENCES.seed_city_one_of_and_birth_year!, new Date());
      indexing.insert_100k_before_s = await profileInsertSeconds(client, workspace.id);
      const t0 = performance.now();
      await db.insert(indexedAttributes).values(INDEXED.map((e) => ({ ...e, requestedBy: "bench" }))).onConflictDoNothing();
      await requestIndexBuild();
      indexing.build_s = Number(((performance.now() - t0) / 1000).toFixed(1));
      indexing.statuses = await db.select({ key: indexedAttributes.key, status: indexedAttributes.status, error: indexedAttributes.error }).from(indexedAttributes);
      indexing.insert_100k_after_s = await profileInsertSeconds(client, workspace.id);
      console.log(JSON.stringify(indexing));
    }
    const indexed = await loadIndexedColumns(db);
    const now = new Date();
    const dialect = new PgDialect({ casing: "snake_case" });
    const audiences: Record<string, unknown> = {};
    const plans: Record<string, string> = {};
    for (const [name, rules] of Object.entries(AUDIENCES)) {
      audiences[name] = await timeCount(workspace.id, rules, now);
      const query = dialect.sqlToQuery(dsql`explain (analyze, buffers, costs off) select count(*)::int as n from profiles p where ${audienceCondition(workspace.id, rules, now, new Map(), indexed)}`);
      const rows = await client.unsafe(query.sql, query.params as never[]);
      plans[name] = rows.map((r) => r["QUERY PLAN"] as string).join("\n");
      console.log(`## ${name}: ${JSON.stringify(audiences[name])}\n${plans[name]}\n`);
    }
    const [sizes] = await client`select pg_size_pretty(pg_table_size('profiles')) as profiles, pg_size_pretty(pg_table_size('events')) as events, (select count(*)::int from profiles) as profile_rows, (select count(*)::int from events) as event_rows,
      (select json_object_agg(c.relname, pg_size_pretty(pg_relation_size(c.oid))) from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = 'profiles'::regclass) as profile_indexes`;
    const config = { profiles: PROFILES, events: EVENTS, rounds: ROUNDS, proposed_indexes: process.env.BENCH_PROPOSED_INDEXES !== "0", indexed_attributes: [...indexed.keys()] };
    return { config, loading, indexing, sizes, load_average: os.loadavg().map((x) => Number(x.toFixed(1))), audiences, plans };
  } finally {
    await handle.close();
    // BENCH_KEEP_DB=1 keeps the data for trying queries by hand (drop it after).
    if (!process.env.BENCH_KEEP_DB) await adminSql.unsafe(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.close();
  }
}
