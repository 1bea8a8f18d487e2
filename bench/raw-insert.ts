import type { openPostgres } from "@/db/client";

type THandle = Awaited<ReturnType<typeof openPostgres>>;
const CHUNK = 1000;

/**
 * The ceiling for ingestion on this machine: rows/s straight into the same `events` table
 * (its unique (workspace_id, message_id) index and the other indexes), with no HTTP, no
 * validation and no profile resolution. Two connections, as the HTTP path has 2 cores too.
 */
export async function rawInsertLimits(handle: THandle, workspaceId: string, rows: number) {
  const sql = (handle.db as unknown as { $client: import("postgres").Sql }).$client;
  const profileIds = (await sql`select id from profiles limit 10000`).map((r) => r.id as string);
  const row = (i: number, tag: string) => ({
    workspace_id: workspaceId,
    profile_id: profileIds[i % profileIds.length]!,
    type: "track",
    name: "Viewed Product",
    properties: { product: `p${i % 500}`, price: 1.99 },
    context: { library: { name: "analytics.js", version: "5.2.0" }, ip: "203.0.113.7" },
    message_id: `${tag}-${i}`,
    timestamp: new Date(),
  });

  // 1. Multi-row INSERT … ON CONFLICT DO NOTHING, 1,000 rows a statement.
  const tInsert = performance.now();
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < rows) {
        const from = next;
        next += CHUNK;
        const chunk = Array.from({ length: Math.min(CHUNK, rows - from) }, (_, k) => {
          const r = row(from + k, "ins");
          return { ...r, properties: JSON.stringify(r.properties), context: JSON.stringify(r.context), timestamp: r.timestamp.toISOString() };
        });
        await sql`insert into events ${sql(chunk)} on conflict (workspace_id, message_id) do nothing`;
      }
    }),
  );
  const insertSeconds = (performance.now() - tInsert) / 1000;

  // 2. COPY FROM STDIN (text format), in 2 streams.
  const tCopy = performance.now();
  const per = Math.ceil(rows / 2);
  await Promise.all(
    [0, 1].map(async (s) => {
      const stream = await sql`copy events (workspace_id, profile_id, type, name, properties, context, message_id, timestamp) from stdin`.writable();
      for (let i = s * per; i < Math.min(rows, (s + 1) * per); i += CHUNK) {
        let text = "";
        for (let k = i; k < Math.min(rows, (s + 1) * per, i + CHUNK); k++) {
          const r = row(k, "copy");
          text += `${r.workspace_id}\t${r.profile_id}\t${r.type}\t${r.name}\t${JSON.stringify(r.properties)}\t${JSON.stringify(r.context)}\t${r.message_id}\t${r.timestamp.toISOString()}\n`;
        }
        if (!stream.write(text)) await new Promise((resolve) => stream.once("drain", resolve));
      }
      stream.end();
      await new Promise((resolve, reject) => stream.on("finish", resolve).on("error", reject));
    }),
  );
  const copySeconds = (performance.now() - tCopy) / 1000;
  return {
    rows,
    multi_row_insert_on_conflict_rows_per_s: Math.round(rows / insertSeconds),
    copy_rows_per_s: Math.round(rows / copySeconds),
  };
}
