import { uuidOrNull } from "@/server/ids";

/** The event that starts an onFailure handler; its `data.event` is the failed run's trigger. */
export const FUNCTION_FAILED = "inngest/function.failed";

/**
 * The workspace a run of this event belongs to, or null: the instance's (cron maintenance,
 * and anything else no workspace asked for). A workspace sees only its own runs, never the
 * instance's (runs/list-runs.ts, manage-run.ts).
 *
 * The workspace is the event's `data.workspaceId`, which every event a workspace's action
 * publishes carries. An onFailure handler's event (`inngest/function.failed`) has none of its
 * own: its run belongs to the workspace of the failed run's event, `data.event`.
 */
export function workspaceOfEvent(event: { name?: unknown; data?: unknown }): string | null {
  const data = record(event.data);
  if (event.name === FUNCTION_FAILED) return workspaceOfEvent({ data: record(data?.event)?.data });
  return uuidOrNull(data?.workspaceId);
}

/**
 * The workspace of a batched run: its events' one workspace, or null (the instance) when they
 * come from several, so that none of them sees the others' events. Functions that batch
 * should key their batches by workspace (journey-business-event.ts) so that this stays rare.
 */
export function workspaceOfEvents(events: readonly { name?: unknown; data?: unknown }[]): string | null {
  let workspace: string | null | undefined;
  for (const event of events) {
    const w = workspaceOfEvent(event);
    if (workspace === undefined) workspace = w;
    else if (w !== workspace) return null;
  }
  return workspace ?? null;
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
