import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { anyOf } from "@/db/any-of";
import { rowsOf } from "@/db/rows";
import { messages } from "@/db/schema";
import { publishMessageEvents, type TMessageRow } from "./message-events";

/**
 * Deferred messages whose window did not open in time (or whose campaign stopped): status
 * `expired`, an `expired` history row with the reason, in one statement. Only messages still
 * deferred change, so a message sent meanwhile keeps its status. Returns the expired ids.
 */
export async function expireMessages(db: DbOrTx, workspaceId: string, which: { ids?: string[]; keys?: string[] }, reason: string): Promise<string[]> {
  const ids = which.ids ?? [];
  const keys = which.keys ?? [];
  if (ids.length === 0 && keys.length === 0) return [];
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`with expired as (
        update messages set status = 'expired', deferred_until = null, error = ${reason}, updated_at = now()
        where workspace_id = ${workspaceId} and status = 'deferred'
          and (${anyOf(sql`id`, ids, "uuid")} or ${anyOf(sql`idempotency_key`, keys, "text")})
        returning id, workspace_id),
      history as (insert into message_events (message_id, workspace_id, type, data) select id, workspace_id, 'expired', ${JSON.stringify({ reason })}::jsonb from expired returning 1)
      select id from expired`),
  );
  if (rows.length) {
    const expired = await db.select().from(messages).where(anyOf(messages.id, rows.map((r) => r.id), "uuid"));
    await publishMessageEvents(expired.map((message: TMessageRow) => ({ message, type: "expired" as const })));
  }
  return rows.map((r) => r.id);
}
