// An extra executor process for the sleepers bench (as `npm run worker` runs one, SKIP LOCKED
// claims against the bench process's). Reads "start" and "stop" lines on stdin; prints its
// Node CPU between them as JSON, then exits.
import { createInterface } from "node:readline";
import { sql } from "drizzle-orm";
import { openPostgres, setDbHandle } from "@/db/client";
import { usePlainProcessEnv } from "@/server/workflows/embedded/plain-env";
import { sleeperApp } from "./sleeper-app";

async function main() {
  usePlainProcessEnv();
  const parallelism = Number(process.env.BENCH_PARALLELISM ?? 16);
  process.env.PARCOURS_DB_POOL = String(parallelism + 4);
  const handle = await openPostgres(process.env.BENCH_DATABASE_URL!);
  setDbHandle(handle);
  // Every pooled connection open now, so the bench process counts their backends from before the start.
  await Promise.all(Array.from({ length: parallelism + 4 }, () => handle.db.execute(sql`select pg_sleep(0.05)`)));
  const executor = sleeperApp(process.env.BENCH_LABEL!).app.executor(handle.db, { parallelism });
  let before = process.cpuUsage();
  console.log("ready");
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === "start") {
      before = process.cpuUsage();
      executor.start();
    } else if (line === "stop") {
      await executor.stop();
      const used = process.cpuUsage(before);
      console.log(JSON.stringify({ node_cpu_s: (used.user + used.system) / 1e6 }));
      await handle.close();
      process.exit(0);
    }
  }
}

void main();
