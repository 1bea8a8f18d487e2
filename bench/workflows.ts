import { existsSync } from "node:fs";
import path from "node:path";
import { usePlainProcessEnv } from "@/server/workflows/embedded/plain-env";
import { openBenchDatabase } from "./workflows/bench-database";
import { sleepers } from "./workflows/sleepers";
import { stepCalls } from "./workflows/step-calls";

const RUNS = Number(process.env.BENCH_RUNS ?? 2000);
const SLEEPERS = Number(process.env.BENCH_SLEEPERS ?? 100_000);
const SPREAD_SLEEPERS = Number(process.env.BENCH_SPREAD_SLEEPERS ?? 10_000);
const PARALLELISM = Number(process.env.BENCH_PARALLELISM ?? 16);
// Executor processes sharing the burst (the bench's own and BENCH_PROCESSES - 1 extra workers).
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1);
const PHASES = (process.env.BENCH_PHASES ?? "steps,burst,spread,waits").split(",");

/**
 * The embedded executor on PostgreSQL, in one process: step calls (CPU per call against the
 * bare serve handler), 100,000 runs whose sleeps end at the same instant, and 10,000 whose
 * sleeps end spread over a minute. Then the "workflows-waits" bench when it exists.
 */
export async function run() {
  usePlainProcessEnv();
  const database = await openBenchDatabase(PARALLELISM + 6);
  const figures: Record<string, unknown> = { config: { parallelism: PARALLELISM, processes: PROCESSES, database: "PostgreSQL 15, same machine" } };
  try {
    const phase = async (name: string, key: string, work: () => Promise<unknown>) => {
      if (!PHASES.includes(name)) return;
      figures[key] = await work();
      console.error(`[workflows] ${key}: ${JSON.stringify(figures[key])}`);
    };
    await phase("steps", "step_calls", () => stepCalls(database, { runs: RUNS, parallelism: PARALLELISM }));
    await phase("burst", "sleepers_same_instant", () => sleepers(database, { runs: SLEEPERS, spreadMs: 0, parallelism: PARALLELISM, label: "burst", timeoutMs: 600_000, processes: PROCESSES }));
    await phase("spread", "sleepers_spread", () => sleepers(database, { runs: SPREAD_SLEEPERS, spreadMs: 60_000, parallelism: PARALLELISM, label: "spread", timeoutMs: 120_000 }));
  } finally {
    await database.close();
  }
  if (PHASES.includes("waits") && existsSync(path.join("bench", "workflows-waits.ts"))) {
    const waits = (await import(/* @vite-ignore */ path.resolve("bench", "workflows-waits.ts"))) as { run: () => Promise<Record<string, unknown>> };
    figures.waits = await waits.run();
  }
  return figures;
}
