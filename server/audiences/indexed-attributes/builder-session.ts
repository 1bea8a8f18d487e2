import type { Sql } from "postgres";
import { sql } from "drizzle-orm";
import { getDbHandle } from "@/db/client";
import { rowsOf } from "@/db/rows";

export type TBuilderSession = {
  rows: <T>(statement: string) => Promise<T[]>;
  release: () => Promise<void>;
};

/**
 * A connection of its own for the index builder: its session advisory lock and its
 * statements that may not run in a transaction (CREATE INDEX CONCURRENTLY, VACUUM). PGlite
 * has a single connection, so there it is the app's. Statements are complete SQL text.
 */
export async function openBuilderSession(): Promise<TBuilderSession> {
  const handle = await getDbHandle();
  if (handle.driver === "postgres") {
    const client = (handle.db as unknown as { $client: Sql }).$client;
    const conn = await client.reserve();
    return { rows: async <T>(statement: string) => [...(await conn.unsafe(statement))] as T[], release: async () => conn.release() };
  }
  return { rows: async <T>(statement: string) => rowsOf<T>(await handle.db.execute(sql.raw(statement))), release: async () => {} };
}
