import { randomBytes } from "node:crypto";
import { Inngest } from "inngest";
import { migrateDb, openPostgres, setDbHandle } from "@/db/client";
import { inProcessInvoker } from "@/server/workflows/embedded/call-function";
import { embeddedClientOptions } from "@/server/workflows/client";
import { serveEmbedded } from "@/server/workflows/embedded/serve-embedded";
import { embeddedSigningKey } from "@/server/workflows/embedded/signing";
import { EmbeddedExecutor } from "@/server/workflows/embedded/executor";
import { usePlainProcessEnv } from "@/server/workflows/embedded/plain-env";
import { databaseUrlFor } from "@/test/database-url";
import { sql } from "drizzle-orm";

const RUNS = Number(process.env.BENCH_RUNS ?? 2000);
const SLEEPERS = Number(process.env.BENCH_SLEEPERS ?? 100_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const PARALLELISM = Number(process.env.BENCH_PARALLELISM ?? 16);
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

/** Throughput, wake-up lateness and per-step overhead of the embedded executor on PostgreSQL. */
export async function run() {
  usePlainProcessEnv();
  const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `bench_wf_${randomBytes(4).toString("hex")}`;
  const admin = await openPostgres(url);
  const adminSql = (admin.db as unknown as { $client: import("postgres").Sql }).$client;
  await adminSql.unsafe(`CREATE DATABASE ${name}`);
  process.env.PARCOURS_DB_POOL = String(Math.max(10, WORKERS * PARALLELISM + 4));
  const handle = await openPostgres(databaseUrlFor(url, name));
  await migrateDb(handle);
  setDbHandle(handle);
  const db = handle.db;

  let executors: EmbeddedExecutor[] = [];
  const inngest = new Inngest({ ...embeddedClientOptions("bench", () => (e) => executors[0]!.send(e)), logger: quiet, internalLogger: quiet });
  const woke: number[] = [];
  const chain = inngest.createFunction({ id: "chain", retries: 0, triggers: [{ event: "bench/chain" }] }, async ({ step }) => {
    const a = await step.run("a", () => 1);
    await step.sleep("zero", "0s");
    return step.run("b", () => a + 1);
  });
  const sleeper = inngest.createFunction({ id: "sleeper", retries: 0, triggers: [{ event: "bench/sleep" }] }, async ({ event, step }) => {
    await step.sleepUntil("until", new Date(event.data.at as number));
    await step.run("woke", () => void woke.push(Date.now() - (event.data.at as number)));
  });
  const functions = [chain, sleeper];
  const handler = serveEmbedded({ client: inngest, functions, signingKey: embeddedSigningKey });
  const invoke = inProcessInvoker(handler);
  executors = Array.from({ length: WORKERS }, (_, i) => new EmbeddedExecutor({ db, functions, appId: "bench", invoke, parallelism: PARALLELISM, pollMs: 20, workerId: `bench-${i}` }));
  const countDone = async (fn: string) => {
    const rows = await db.execute(sql`select count(*)::int as n from wf_runs where fn_id = ${fn} and status <> 'running'`);
    return Number((rows as unknown as { n: number }[])[0]?.n ?? 0);
  };
  const until = async (fn: string, n: number, timeoutMs: number) => {
    const t0 = Date.now();
    while ((await countDone(fn)) < n) {
      if (Date.now() - t0 > timeoutMs) return false;
      await new Promise((r) => setTimeout(r, 50));
    }
    return true;
  };

  // 1. Throughput: step.run -> sleep(0) -> step.run.
  const bareMs = await bareHandlerPerStep(handler);
  for (let i = 0; i < RUNS; i += 500) await executors[0]!.send(Array.from({ length: Math.min(500, RUNS - i) }, () => ({ name: "bench/chain" })));
  const t0 = performance.now();
  executors.forEach((e) => e.start());
  await until("bench-chain", RUNS, 600_000);
  const seconds = (performance.now() - t0) / 1000;
  const stepsPerRun = 3; // a, the sleep, b
  await Promise.all(executors.map((e) => e.stop()));

  // 2. Many runs sleeping until the same instant.
  const ingestStart = performance.now();
  const wakeAt = Date.now() + Math.max(20_000, SLEEPERS * 0.6);
  for (let i = 0; i < SLEEPERS; i += 1000) await executors[0]!.send(Array.from({ length: Math.min(1000, SLEEPERS - i) }, () => ({ name: "bench/sleep", data: { at: wakeAt } })));
  const ingestSeconds = (performance.now() - ingestStart) / 1000;
  executors.forEach((e) => e.start());
  const allDone = await until("bench-sleeper", SLEEPERS, Math.max(0, wakeAt - Date.now()) + Number(process.env.BENCH_WAKE_TIMEOUT_MS ?? 300_000));
  const allDoneAfterMs = Date.now() - wakeAt;
  const wokeInTime = await countDone("bench-sleeper");
  await Promise.all(executors.map((e) => e.stop()));

  await handle.close();
  await adminSql.unsafe(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.close();
  const perStepMs = (seconds * 1000) / (RUNS * stepsPerRun);
  return {
    config: { runs: RUNS, sleepers: SLEEPERS, workers: WORKERS, parallelism: PARALLELISM },
    chain_runs_per_s: Math.round(RUNS / seconds),
    chain_steps_per_s: Math.round((RUNS * stepsPerRun) / seconds),
    bare_handler_ms_per_step: Number(bareMs.toFixed(3)),
    executor_ms_per_step: Number(perStepMs.toFixed(3)),
    executor_overhead_ms_per_step: Number((perStepMs - bareMs).toFixed(3)),
    sleepers_ingest_events_per_s: Math.round(SLEEPERS / ingestSeconds),
    wake_lateness_p50_ms: percentile(woke, 50),
    wake_lateness_p99_ms: percentile(woke, 99),
    wake_completed_runs: wokeInTime,
    wake_all_done: allDone,
    wake_all_done_after_ms: allDone ? allDoneAfterMs : null,
    wake_gave_up_after_ms: allDone ? null : allDoneAfterMs,
  };
}

/** The same chain driven straight through the serve handler, state in memory: the floor. */
async function bareHandlerPerStep(handler: Parameters<typeof inProcessInvoker>[0]) {
  const { createHash } = await import("node:crypto");
  const sha = (s: string) => createHash("sha1").update(s).digest("hex");
  const invoke = inProcessInvoker(handler);
  const n = 300;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const steps: Record<string, unknown> = {};
    const stack: string[] = [];
    for (const memo of [
      [sha("a"), { data: 1 }],
      [sha("zero"), { data: null }],
      [sha("b"), { data: 2 }],
      null,
    ] as const) {
      const body = JSON.stringify({ event: { name: "bench/chain", data: {} }, events: [], steps, ctx: { run_id: `r${i}`, attempt: 0, max_attempts: 1, disable_immediate_execution: false, use_api: false, stack: { stack, current: stack.length } }, version: 2 });
      const res = await invoke({ fnId: "bench-chain", stepId: "step" }, body);
      await res.text();
      if (memo) {
        steps[memo[0]] = memo[1];
        stack.push(memo[0]);
      }
    }
  }
  return (performance.now() - t0) / (n * 3);
}
