import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { workflowNow } from "@/server/workflows/embedded/clock";
import { continueWaits, freeTaken, handOnGroups, selectTaken, takenRows, takenWait, type TTakenRow } from "./continue-waits";

/** A message event as the intake needs it. */
export interface TReactionEvent {
  workspaceId: string;
  messageId: string;
  type: string;
  sourceType: string;
}

/**
 * Message events of journey messages take the profiles waiting for them (journey_waits of
 * kind 'reaction', keyed by message id) down the "reacted" path, together: one statement
 * finds and takes the rows of the whole batch. A row is deleted as it is taken, so the
 * timeout cohort (take-timeouts.ts) and an event never both move a profile. A wait whose
 * deadline has passed on the workflow clock is the timeout's, as a waitForEvent timed out.
 */
export async function takeReactions(events: TReactionEvent[]): Promise<number> {
  const heard = events.filter((e) => e.sourceType === "journey");
  if (heard.length === 0) return 0;
  const db = await getDb();
  // In the batch's order: the first event that a wait accepts is the one it reacted to.
  const ev = JSON.stringify(heard.map((e, n) => ({ n, workspace_id: e.workspaceId, key: e.messageId, type: e.type })));
  const keys = `{${[...new Set(heard.map((e) => e.messageId))].map((k) => `"${k}"`).join(",")}}`;
  const rows = takenRows<TTakenRow & { event_type: string }>(
    await db.execute(sql`
      with ev as (select * from jsonb_to_recordset(${ev}::jsonb) as x(n int, workspace_id uuid, key text, type text)),
      taken as (
        delete from journey_waits w
        where w.kind = 'reaction' and w.key = any(${keys}::text[]) and w.deadline > ${workflowNow().toISOString()}
          and exists (select 1 from ev where ev.key = w.key and ev.workspace_id = w.workspace_id and w.accepts -> 'types' ? ev.type)
        returning w.*, (select ev.type from ev where ev.key = w.key and w.accepts -> 'types' ? ev.type order by ev.n limit 1) as event_type
      ), ${freeTaken}
      ${selectTaken(sql`, t.event_type`)}`),
  );
  const taken = rows.filter((r) => r.active).map((r) => takenWait(r, { handle: "reacted", outcome: r.event_type }));
  await handOnGroups(await continueWaits(taken));
  return taken.length;
}
