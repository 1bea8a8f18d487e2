import os from "node:os";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { getDb, migrateDb, openPostgres, setDbHandle } from "@/db/client";
import { users } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { countRuns, runCountQueries } from "@/server/workflows/runs/count-runs";
import { listRuns, runPageQuery, ZRunFilter } from "@/server/workflows/runs/list-runs";
import { pruneRuns } from "@/server/workflows/runs/prune-runs";
import { createWorkspace } from "@/server/workspaces/create-workspace";
import { databaseUrlFor } from "@/test/database-url";
import { loadRuns } from "./runs-page-data";

const RUNS = Number(process.env.BENCH_RUNS ?? 1_000_000);
const ROUNDS = 5;
const DEEP = Math.floor(RUNS * 0.6); // the deep page starts after this many of the workspace's runs
const DB_NAME = "parcours_bench_runs";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ms = (x: number) => Number(x.toFixed(1));

/** Wall time of `fn`: median of ROUNDS after one warm-up. */
async function wall(fn: () => Promise<unknown>) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return ms(median(times));
}

/** EXPLAIN ANALYZE of statements: their summed execution time and their plans. */
async function explain(client: Sql, statements: { sql: string; params: unknown[] }[]) {
  let execution = 0;
  const plans: string[] = [];
  for (const s of statements) {
    const rows = await client.unsafe(`explain (analyze, buffers, costs off) ${s.sql}`, s.params as never[]);
    const plan = rows.map((r) => r["QUERY PLAN"] as string);
    execution += Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1) ?? "")?.[1] ?? NaN);
    plans.push(plan.join("\n"));
  }
  return { execution_ms: Number(execution.toFixed(3)), plan: plans.join("\n---\n") };
}

/** Keyset pages through listRuns, counts through countRuns, against OFFSET pages and COUNT(*) on the same data. */
export async function run() {
  const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const admin = await openPostgres(databaseUrlFor(url, "postgres"));
  const adminSql = (admin.db as unknown as { $client: Sql }).$client;
  await adminSql.unsafe(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await adminSql.unsafe(`CREATE DATABASE ${DB_NAME}`);
  const handle = await openPostgres(databaseUrlFor(url, DB_NAME));
  const client = (handle.db as unknown as { $client: Sql }).$client;
  try {
    await migrateDb(handle);
    setDbHandle(handle);
    const db = await getDb();
    const [owner] = await db.insert(users).values({ email: "bench@example.com", name: "bench" }).returning({ id: users.id });
    const main = await createWorkspace({ name: "Bench" }, { userId: owner!.id, actor: cliActor });
    const other = await createWorkspace({ name: "Other" }, { userId: owner!.id, actor: cliActor });
    const loading = await loadRuns(client, RUNS, main.id, other.id);
    console.log(JSON.stringify(loading));

    const [deepRow] = await client`select (extract(epoch from started_at) * 1000)::float8 as at, id from wf_runs where workspace_id = ${main.id} order by started_at desc, id desc offset ${DEEP} limit 1`;
    const deepCursor = `${new Date(Number(deepRow!.at)).toISOString()}|${deepRow!.id as string}`;
    const fnFailedCursor = (await listRuns(main.id, { fnId: "parcours-journey.run", status: "failed", limit: 100 })).nextCursor!;
    const pages = {
      first_page: {},
      deep_page_by_cursor: { cursor: deepCursor },
      status_failed: { status: "failed" },
      function_journey_run: { fnId: "parcours-journey.run" },
      function_journey_run_deep: { fnId: "parcours-journey.run", cursor: deepCursor },
      function_and_status_failed_2nd_page: { fnId: "parcours-journey.run", status: "failed", cursor: fnFailedCursor },
    } as const;
    const keyset: Record<string, unknown> = {};
    for (const [name, filter] of Object.entries(pages)) {
      const parsed = ZRunFilter.parse(filter);
      const rows = (await listRuns(main.id, parsed)).runs.length;
      keyset[name] = { rows, wall_ms: await wall(() => listRuns(main.id, parsed)), ...(await explain(client, [runPageQuery(db, main.id, parsed).toSQL()])) };
      console.log(name, JSON.stringify({ ...(keyset[name] as object), plan: undefined }));
    }
    const counts = await countRuns(main.id);
    const capped = { counts: counts.counts, wall_ms: await wall(() => countRuns(main.id)), ...(await explain(client, runCountQueries(db, main.id).map((c) => c.query.toSQL()))) };

    // The naive way, on the same tables and indexes: OFFSET pages and exact counts.
    const cols = sql`id, fn_id, status, event->>'name', jsonb_array_length(events), workspace_id, started_at, ended_at, jsonb_array_length(stack)`;
    const naiveQueries = {
      offset_deep_page: sql`select ${cols} from wf_runs where workspace_id = ${main.id} order by started_at desc, id desc offset ${DEEP} limit 31`,
      offset_function_deep_page: sql`select ${cols} from wf_runs where workspace_id = ${main.id} and fn_id = 'parcours-journey.run' order by started_at desc, id desc offset ${Math.floor(DEEP / 2)} limit 31`,
      count_star_by_function_and_status: sql`select fn_id, status, count(*)::int from wf_runs where workspace_id = ${main.id} group by fn_id, status`,
    };
    const naive: Record<string, unknown> = {};
    for (const [name, query] of Object.entries(naiveQueries)) {
      const q = new PgDialect().sqlToQuery(query);
      naive[name] = { wall_ms: await wall(() => client.unsafe(q.sql, q.params as never[])), ...(await explain(client, [q])) };
      console.log(name, JSON.stringify({ ...(naive[name] as object), plan: undefined }));
    }

    // Pruning: the oldest sixth of the runs (past a 25-day retention), up to 100,000 runs.
    await client`update workspaces set run_retention_days = 25`;
    const t0 = performance.now();
    const pruned = await pruneRuns({ maxRuns: 100_000 });
    const pruneSeconds = (performance.now() - t0) / 1000;
    const pruning = { ...pruned, seconds: ms(pruneSeconds), runs_per_s: Math.round(pruned.deleted / pruneSeconds), mean_batch_ms: ms((pruneSeconds * 1000) / Math.ceil(pruned.deleted / 500)) };
    console.log("pruning", JSON.stringify(pruning));

    const [sizes] = await client`select (select count(*)::int from wf_runs) as runs, pg_size_pretty(pg_table_size('wf_runs')) as wf_runs,
      (select json_object_agg(c.relname, pg_size_pretty(pg_relation_size(c.oid))) from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = 'wf_runs'::regclass) as indexes`;
    return { config: { runs: RUNS, deep_offset: DEEP, rounds: ROUNDS }, loading, load_average: os.loadavg().map((x) => Number(x.toFixed(1))), keyset, capped_counts: capped, naive, pruning, sizes };
  } finally {
    await handle.close();
    if (!process.env.BENCH_KEEP_DB) await adminSql.unsafe(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.close();
  }
}
