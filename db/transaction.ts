import type { Db, Tx } from "./client";

const RETRYABLE = new Set(["40P01", "40001"]); // deadlock, serialization failure

/** A transaction retried when Postgres picks it as a deadlock or serialization victim. */
export function transaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return retryVictims(() => db.transaction(work));
}

/** Work that is one transaction or one statement, run again (up to 5 times) when it is a deadlock or serialization victim. */
export async function retryVictims<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
      if (attempt >= 5 || !code || !RETRYABLE.has(code)) throw error;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
    }
  }
}
