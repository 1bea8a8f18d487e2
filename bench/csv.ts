import { createReadStream, createWriteStream, statSync } from "node:fs";
import os from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { eq } from "drizzle-orm";
import { migrateDb, openPostgres, setDbHandle } from "@/db/client";
import { csvImports, users } from "@/db/schema";
import { databaseUrlFor } from "@/test/database-url";

const ROWS = Number(process.env.BENCH_CSV_ROWS ?? 1_000_000);
const BAD_EVERY = 10_000;
const FILE = "/tmp/parcours-bench-csv.csv";
const DB_NAME = "parcours_bench_csv";

/** A CSV of `rows` people, written as a stream; every BAD_EVERY-th row has an unreadable age. */
async function generate(rows: number) {
  let i = 0;
  const plans = ["free", "pro", "team"];
  const source = Readable.from(
    (function* () {
      yield "email,first_name,age,vip,signed_up,plan\n";
      while (i < rows) {
        const lines: string[] = [];
        for (let n = 0; n < 5000 && i < rows; n++, i++) {
          const age = i % BAD_EVERY === BAD_EVERY - 1 ? "unknown" : String(18 + (i % 60));
          lines.push(`person${i}@example.com,"Person ${i}",${age},${i % 7 === 0 ? "yes" : "no"},2025-${String(1 + (i % 12)).padStart(2, "0")}-15,${plans[i % 3]}\n`);
        }
        yield lines.join("");
      }
    })(),
  );
  await pipeline(source, createWriteStream(FILE));
}

/**
 * CSV import of BENCH_CSV_ROWS (1,000,000) rows on PostgreSQL through the real path:
 * streamed upload to the data folder, start (mapping + list), then the csv-import.run
 * function on the embedded executor (real clock), chunk after chunk. Baseline in the same
 * run: a raw COPY of the same file into an unindexed temp table.
 */
export async function run() {
  process.env.PARCOURS_DATA_DIR ??= "/tmp/parcours-bench-csv-data";
  const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const admin = await openPostgres(url);
  const adminSql = (admin.db as unknown as { $client: import("postgres").Sql }).$client;
  await adminSql.unsafe(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await adminSql.unsafe(`CREATE DATABASE ${DB_NAME}`);
  const handle = await openPostgres(databaseUrlFor(url, DB_NAME));
  await migrateDb(handle);
  setDbHandle(handle);
  const db = handle.db;

  const t0 = performance.now();
  await generate(ROWS);
  const generateSeconds = (performance.now() - t0) / 1000;
  const bytes = statSync(FILE).size;

  const { createWorkspace } = await import("@/server/workspaces/create-workspace");
  const { storeUpload } = await import("@/server/csv-import/store-upload");
  const { startImport } = await import("@/server/csv-import/start-import");
  const { createAppExecutor } = await import("@/server/workflows/embedded/start-embedded");
  const [user] = await db.insert(users).values({ email: "bench@example.com", name: "bench" }).returning();
  const actor = { userId: user!.id, label: "bench" };
  const workspace = await createWorkspace({ name: "Bench CSV" }, { userId: user!.id, actor });

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const rssBefore = process.memoryUsage().rss;

  const uploadStart = performance.now();
  const upload = await storeUpload(workspace.id, "bench-people.csv", Readable.toWeb(createReadStream(FILE)) as ReadableStream<Uint8Array>, actor);
  const uploadSeconds = (performance.now() - uploadStart) / 1000;

  const mapping = [
    { column: 0, header: "email", role: "identity" as const, namespace: "email" as const },
    { column: 1, header: "first_name", role: "attribute" as const, key: "first_name", type: "string" as const },
    { column: 2, header: "age", role: "attribute" as const, key: "age", type: "number" as const },
    { column: 3, header: "vip", role: "attribute" as const, key: "vip", type: "boolean" as const },
    { column: 4, header: "signed_up", role: "attribute" as const, key: "signed_up", type: "date" as const },
    { column: 5, header: "plan", role: "attribute" as const, key: "plan", type: "string" as const },
  ];
  const executor = await createAppExecutor();
  const loadBefore = os.loadavg()[0]!;
  const cpuBefore = process.cpuUsage();
  const importStart = performance.now();
  await startImport(workspace.id, { importId: upload.id, mapping, listName: "Bench list" }, actor);
  executor.start();
  let job = (await db.select().from(csvImports).where(eq(csvImports.id, upload.id)))[0]!;
  let lastLog = 0;
  while (job.status === "importing" || job.status === "uploaded") {
    await new Promise((r) => setTimeout(r, 250));
    job = (await db.select().from(csvImports).where(eq(csvImports.id, upload.id)))[0]!;
    if (performance.now() - lastLog > 5000) {
      lastLog = performance.now();
      console.log(`  ${job.rowsProcessed.toLocaleString()} rows after ${((lastLog - importStart) / 1000).toFixed(0)} s, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
    }
  }
  const importSeconds = (performance.now() - importStart) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await executor.stop();
  clearInterval(sampler);

  const copyStart = performance.now();
  const sql = (db as unknown as { $client: import("postgres").Sql }).$client;
  await sql.unsafe("CREATE TABLE copy_baseline (email text, first_name text, age text, vip text, signed_up text, plan text)");
  const writable = await sql.unsafe("COPY copy_baseline FROM STDIN (FORMAT csv, HEADER true)").writable();
  await pipeline(createReadStream(FILE), writable);
  const copySeconds = (performance.now() - copyStart) / 1000;

  const mb = (n: number) => Math.round(n / 2 ** 20);
  const figures = {
    rows: ROWS,
    fileMb: Math.round(bytes / 2 ** 20),
    status: job.status,
    error: job.error,
    rowsImported: job.rowsImported,
    rowsFailed: job.rowsFailed,
    chunkRows: Number(process.env.PARCOURS_CSV_CHUNK_ROWS ?? 5000),
    writers: Number(process.env.PARCOURS_CSV_WRITERS ?? 2),
    way: "csv-import.run Inngest function on the embedded executor (real clock), PostgreSQL",
    generateSeconds: +generateSeconds.toFixed(1),
    uploadSeconds: +uploadSeconds.toFixed(1),
    importSeconds: +importSeconds.toFixed(1),
    rowsPerSecond: Math.round(ROWS / importSeconds),
    nodeCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1),
    loadAverageBefore: +loadBefore.toFixed(1),
    goalSeconds: 60,
    peakRssMb: mb(peakRss),
    rssBeforeImportMb: mb(rssBefore),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    baselineCopySeconds: +copySeconds.toFixed(1),
    baselineCopyRowsPerSecond: Math.round(ROWS / copySeconds),
  };
  await handle.close();
  await adminSql.unsafe(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.close();
  return figures;
}
