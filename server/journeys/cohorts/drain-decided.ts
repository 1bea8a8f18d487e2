import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { canPublishEvents, publishEvents } from "@/server/workflows/client";
import { journeyWaitsDecided } from "@/server/workflows/events";
import { takeDecidedPage } from "./take-decided";

export const DECIDED_PAGE = 500;

/** A pending request older than this is asked again: its event may have been lost with a process. */
const STALE_REQUEST = "5 seconds";

/**
 * After an intake decided waits: their workspaces' drain (journey.waits-decided) takes the
 * profiles on, durably. A drain event is published only for a workspace with no pending
 * request (journey_drain_requests): while one is pending, a drain page has yet to start and
 * will take these rows too, so a burst of opens costs a run per page, not a run per open, and
 * no batch timeout delays a lone open. `always`: publish whatever is pending (a recovery).
 * Without a workflow engine to publish to (a script, a unit test), the profiles are taken on
 * here and now.
 */
export async function drainDecided(workspaceIds: string[], always = false): Promise<void> {
  const workspaces = [...new Set(workspaceIds)];
  if (workspaces.length === 0) return;
  if (!canPublishEvents()) {
    for (const workspaceId of workspaces) while ((await takeDecidedPage(workspaceId, `inline:${process.pid}`, DECIDED_PAGE)).more);
    return;
  }
  const db = await getDb();
  const requested = rowsOf<{ workspace_id: string }>(
    await db.execute(sql`
      insert into journey_drain_requests (workspace_id, requested_at) select w, now() from unnest(${`{${workspaces.join(",")}}`}::uuid[]) w
      on conflict (workspace_id) do update set requested_at = now()
        where ${always} or journey_drain_requests.requested_at is null or journey_drain_requests.requested_at < now() - interval '${sql.raw(STALE_REQUEST)}'
      returning workspace_id`),
  );
  if (requested.length) await publishEvents(requested.map((r) => journeyWaitsDecided.create({ workspaceId: r.workspace_id })));
}

/**
 * A drain page clears its workspace's request before it takes rows, in a statement of its
 * own: waits decided before the clear are in the rows it takes, and one decided after it
 * finds no request pending and publishes a new drain.
 */
export async function clearDrainRequest(workspaceId: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`update journey_drain_requests set requested_at = null where workspace_id = ${workspaceId} and requested_at is not null`);
}
