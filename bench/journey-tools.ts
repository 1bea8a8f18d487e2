import { sql, type SQL } from "drizzle-orm";
import { rowsOf } from "@/db/rows";

/** Peak resident memory while a benchmark phase runs, sampled every 100 ms. */
export function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return { stop: () => (clearInterval(timer), Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20)) };
}

/** Polls `read` until it reaches `target` (or the timeout), returning the last value read. */
export async function waitFor(read: () => Promise<number>, target: number, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  let value = await read();
  while (value < target && Date.now() - t0 < timeoutMs) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

/**
 * Transactions committed or rolled back in the current database so far. Backends report them
 * when idle, at most once a second and at the latest 10 s later: `settled` waits for that.
 */
export async function transactionsOf(db: { execute: (q: SQL) => Promise<unknown> }, settled = false): Promise<number> {
  if (settled) await new Promise((r) => setTimeout(r, 11_000));
  const rows = rowsOf<{ n: string }>(await db.execute(sql`select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()`));
  return Number(rows[0]?.n ?? 0);
}

/** BENCH_PG_STATEMENTS=1: pg_stat_statements (when the server preloads it) starts counting afresh, so it shows the phase that follows alone. */
export async function resetStatementStats(db: { execute: (q: SQL) => Promise<unknown> }): Promise<void> {
  if (!process.env.BENCH_PG_STATEMENTS) return;
  await db.execute(sql`create extension if not exists pg_stat_statements`);
  await db.execute(sql`select pg_stat_statements_reset()`);
}
