import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Sql } from "postgres";
import { migrateDb, openPostgres, setDbHandle, type DbHandle } from "@/db/client";
import { databaseUrlFor } from "@/test/database-url";

const TICKS_PER_S = 100; // getconf CLK_TCK on Linux

/** A fresh PostgreSQL database for one bench run, dropped at the end. */
export async function openBenchDatabase(pool: number) {
  const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `bench_wf_${randomBytes(4).toString("hex")}`;
  const admin = await openPostgres(url);
  const adminSql = clientOf(admin);
  await adminSql.unsafe(`CREATE DATABASE ${name}`);
  process.env.PARCOURS_DB_POOL = String(pool);
  const databaseUrl = databaseUrlFor(url, name);
  const handle = await openPostgres(databaseUrl);
  await migrateDb(handle);
  setDbHandle(handle);
  return {
    url: databaseUrl,
    handle,
    db: handle.db,
    /** CPU seconds used so far by the server backends serving this database (from /proc: the server must be local). */
    backendCpuSeconds: async () => {
      const pids = (await adminSql.unsafe(`select pid from pg_stat_activity where datname = '${name}'`)) as unknown as { pid: number }[];
      return pids.reduce((sum, { pid }) => sum + cpuTicksOf(pid), 0) / TICKS_PER_S;
    },
    async close() {
      await handle.close();
      await adminSql.unsafe(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

export type TBenchDatabase = Awaited<ReturnType<typeof openBenchDatabase>>;

function clientOf(handle: DbHandle): Sql {
  return (handle.db as unknown as { $client: Sql }).$client;
}

/** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
function cpuTicksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // the backend exited
  }
}
