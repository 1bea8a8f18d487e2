import { fork } from "node:child_process";
import os from "node:os";
import { once } from "node:events";
import { users } from "@/db/schema";
import { getDb, migrateDb, openPostgres, setDbHandle } from "@/db/client";
import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { cliActor } from "@/server/audit/actor";
import { createDefinition } from "@/server/events/manage-definitions";
import { createWorkspace } from "@/server/workspaces/create-workspace";
import { databaseUrlFor } from "@/test/database-url";
import { client, closedLoop, openLoop, percentile, type TLoadResult } from "./http-load";
import { rawInsertLimits } from "./raw-insert";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
// Batch senders at once, swept: with more of them each group commit stores more calls, until
// the server is saturated. events/s is the best step of the sweep (the server's capacity);
// every step is reported with its latency.
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? "8,16,32,64").split(",").map(Number);
const DB_POOL = 10;
// Open-loop track calls come from many clients: with 8 keep-alive sockets a 30 ms answer
// would cap the rate at 8 / 0.03 = 266 requests/s in the load tool itself.
const TRACK_CONNECTIONS = Number(process.env.BENCH_TRACK_CONNECTIONS ?? 64);
const USERS = Number(process.env.BENCH_USERS ?? 20_000);
const TRACK_RATE = Number(process.env.BENCH_TRACK_RATE ?? 500);
const TRACK_RATE_LOW = Number(process.env.BENCH_TRACK_RATE_LOW ?? 50);
const RAW_ROWS = Number(process.env.BENCH_RAW_ROWS ?? 300_000);
const BATCH = 100;
/** Tracks carry the anonymous id too, as analytics.js sends them once a user is identified. */
const TRACK_ANONYMOUS = process.env.BENCH_TRACK_ANONYMOUS === "1";
const DB_NAME = "parcours_bench_ingest";

const CITIES = ["Atlanta", "San Francisco", "Seattle", "Paris", "Lagos", "Osaka"];
let seq = 0;
const runId = Date.now().toString(36);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;

/** A Segment call of the usual mix: 90% track (1 in 9 an "Order Completed" business event), 10% identify. */
function call() {
  const u = Math.floor(Math.random() * USERS);
  const messageId = `${runId}-${++seq}`;
  const context = { library: { name: "analytics.js", version: "5.2.0" }, ip: "203.0.113.7" };
  if (seq % 10 === 0) {
    return { type: "identify", userId: `u${u}`, anonymousId: `a${u}`, messageId, context, traits: { city: pick(CITIES), birthYear: 1950 + (u % 60), plan: pick(["free", "pro"]) } };
  }
  const completed = seq % 9 === 0;
  return { type: "track", userId: `u${u}`, ...(TRACK_ANONYMOUS ? { anonymousId: `a${u}` } : {}), messageId, context, event: completed ? "Order Completed" : pick(["Viewed Product", "Added to Cart", "Searched"]), properties: { product: `p${u % 500}`, price: (u % 100) + 0.99 } };
}
const batchBody = () => JSON.stringify({ batch: Array.from({ length: BATCH }, call) });
const trackBody = () => {
  const { type: _type, ...rest } = call();
  return JSON.stringify(rest.traits ? { userId: rest.userId, event: "Viewed Product", messageId: rest.messageId, properties: { product: "p1" } } : rest);
};

const summary = (r: TLoadResult, eventsPerRequest: number) => ({
  requests: r.requests,
  non_200: r.errors,
  statuses: r.statuses,
  seconds: Number(r.seconds.toFixed(1)),
  events_per_s: Math.round(((r.requests - r.errors) * eventsPerRequest) / r.seconds),
  latency_ms: { p50: round(percentile(r.latenciesMs, 50)), p90: round(percentile(r.latenciesMs, 90)), p99: round(percentile(r.latenciesMs, 99)), max: round(percentile(r.latenciesMs, 100)) },
});
const round = (x: number) => Number(x.toFixed(1));

/** Ingestion through HTTP (/v1/batch and /api/v1/track) against the raw insert limit of `events`. */
export async function run() {
  const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const admin = await openPostgres(databaseUrlFor(url, "postgres"));
  const adminSql = (admin.db as unknown as { $client: import("postgres").Sql }).$client;
  await adminSql.unsafe(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await adminSql.unsafe(`CREATE DATABASE ${DB_NAME}`);
  const dbUrl = databaseUrlFor(url, DB_NAME);
  const handle = await openPostgres(dbUrl);
  await migrateDb(handle);
  setDbHandle(handle);
  const db = await getDb();
  const [owner] = await db.insert(users).values({ email: "bench@example.com", name: "bench" }).returning({ id: users.id });
  const workspace = await createWorkspace({ name: "Bench" }, { userId: owner!.id, actor: cliActor });
  const { key } = await createApiKey(workspace.id, { name: "bench", kind: "write" }, cliActor);
  await createDefinition(workspace.id, { name: "Order Completed", trackName: "Order Completed", fields: [{ name: "price", type: "number", required: true }] }, cliActor);

  const server = fork("bench/ingest-server.ts", [], { execArgv: ["--import", "tsx", ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])], env: { ...process.env, DATABASE_URL: dbUrl, PARCOURS_DB_POOL: String(DB_POOL), PARCOURS_INGEST_RATE: "100000" } });
  const figures: Record<string, unknown> = { config: { seconds: SECONDS, connections: CONNECTIONS, users: USERS, batch: BATCH, track_rate: TRACK_RATE, track_rate_low: TRACK_RATE_LOW, track_connections: TRACK_CONNECTIONS, raw_rows: RAW_ROWS } };
  try {
    const [{ port }] = (await once(server, "message")) as [{ port: number }];
    const http = client(port, `Basic ${Buffer.from(`${key}:`).toString("base64")}`, Math.max(...CONNECTIONS));
    const warm = await closedLoop(http.post, "/v1/batch", batchBody, CONNECTIONS[0]!, Math.min(5, SECONDS)); // warm-up: most profiles exist after it
    let accepted = (warm.requests - warm.errors) * BATCH;
    const sweep = [];
    for (const connections of CONNECTIONS) {
      const step = await closedLoop(http.post, "/v1/batch", batchBody, connections, SECONDS);
      accepted += (step.requests - step.errors) * BATCH;
      sweep.push({ connections, ...summary(step, BATCH) });
    }
    figures.batch = sweep.reduce((best, step) => (step.events_per_s > best.events_per_s ? step : best));
    figures.batch_sweep = sweep;
    // At a rate the server keeps up with, then at the goal's rate.
    const tracks = client(port, `Basic ${Buffer.from(`${key}:`).toString("base64")}`, TRACK_CONNECTIONS);
    const calm = await openLoop(tracks.post, "/api/v1/track", trackBody, TRACK_RATE_LOW, SECONDS);
    figures.track_low_rate = summary(calm, 1);
    const track = await openLoop(tracks.post, "/api/v1/track", trackBody, TRACK_RATE, SECONDS);
    tracks.close();
    figures.track = summary(track, 1);
    figures.accepted_events = accepted + calm.requests - calm.errors + track.requests - track.errors;
    http.close();
  } finally {
    server.kill("SIGINT");
    await once(server, "exit");
  }
  figures.stored = await adminCount(handle);
  // Other work on the machine shows here (2 cores: a load above 2 means waiting for CPU).
  figures.load_average = os.loadavg().map((x) => Number(x.toFixed(1)));
  figures.raw = await rawInsertLimits(handle, workspace.id, RAW_ROWS);
  await handle.close();
  if (!process.env.BENCH_KEEP_DB) await adminSql.unsafe(`DROP DATABASE ${DB_NAME} WITH (FORCE)`);
  await admin.close();
  return figures;
}

async function adminCount(handle: Awaited<ReturnType<typeof openPostgres>>) {
  const sql = (handle.db as unknown as { $client: import("postgres").Sql }).$client;
  const [row] = await sql`select (select count(*)::int from events) as events, (select count(*)::int from profiles) as profiles, (select count(*)::int from events where definition_id is not null) as business_events, (select count(*)::int from wf_events) as published`;
  return row;
}
