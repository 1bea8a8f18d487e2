import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { workflowNow } from "@/server/workflows/embedded/clock";
import { drainDecided } from "./drain-decided";

/** A message event as the intake needs it. */
export interface TReactionEvent {
  workspaceId: string;
  messageId: string;
  type: string;
  sourceType: string;
}

/**
 * Message events of journey messages decide the waits of the profiles waiting for them
 * (journey_waits of kind 'reaction', keyed by message id): "reacted", with the event's type,
 * in one statement for the whole batch; the workspace's drain then takes them on
 * (take-decided.ts), so a click's redirect or a provider's webhook never waits for the next
 * steps. Only an undecided row is decided and the timeout cohort deletes only undecided ones,
 * so an event and the timeout never both move a profile. A wait whose deadline has passed on
 * the workflow clock is the timeout's, as a waitForEvent timed out. Returns how many it decided.
 */
export async function takeReactions(events: TReactionEvent[]): Promise<number> {
  const heard = events.filter((e) => e.sourceType === "journey");
  if (heard.length === 0) return 0;
  const db = await getDb();
  // In the batch's order: the first event that a wait accepts is the one it reacted to.
  const ev = JSON.stringify(heard.map((e, n) => ({ n, workspace_id: e.workspaceId, key: e.messageId, type: e.type })));
  const keys = `{${[...new Set(heard.map((e) => e.messageId))].map((k) => `"${k}"`).join(",")}}`;
  const decided = rowsOf<{ workspace_id: string }>(
    await db.execute(sql`
      with ev as (select * from jsonb_to_recordset(${ev}::jsonb) as x(n int, workspace_id uuid, key text, type text))
      update journey_waits w set decided_at = now(), decided = jsonb_build_object('handle', 'reacted', 'outcome',
        (select ev.type from ev where ev.key = w.key and ev.workspace_id = w.workspace_id and w.accepts -> 'types' ? ev.type order by ev.n limit 1))
      where w.kind = 'reaction' and w.key = any(${keys}::text[]) and w.decided is null and w.deadline > ${workflowNow().toISOString()}
        and exists (select 1 from ev where ev.key = w.key and ev.workspace_id = w.workspace_id and w.accepts -> 'types' ? ev.type)
      returning w.workspace_id`),
  );
  await drainDecided(decided.map((r) => r.workspace_id));
  return decided.length;
}
