import type { Db } from "@/db/client";

type TRawClient = {
  unsafe?: (text: string, params: unknown[]) => Promise<unknown>;
  query?: (text: string, params: unknown[]) => Promise<{ rows: unknown[] }>;
};

/**
 * One statement of static text with positional parameters ($1 …), run straight on the
 * driver: no SQL built by drizzle per call and fewer promise layers, for the statements of
 * the executor's hot path. Prepared once per connection on PostgreSQL (db/prepared-statements.ts
 * wraps the client's `unsafe`). JSON parameters are passed as text and cast in the SQL.
 */
export async function rawStatement<T>(db: Db, text: string, params: unknown[]): Promise<T[]> {
  const client = (db as unknown as { $client: TRawClient }).$client;
  if (client.unsafe) return (await client.unsafe(text, params)) as T[];
  return (await client.query!(text, params)).rows as T[];
}
