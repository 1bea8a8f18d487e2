import { canPublishEvents, publishEvents } from "@/server/workflows/client";
import { journeyWaitsDecided } from "@/server/workflows/events";
import { takeDecidedPage } from "./take-decided";

export const DECIDED_PAGE = 500;

/**
 * After an intake decided waits: their workspaces' drain (journey.waits-decided) takes the
 * profiles on, durably and in batches. Without a workflow engine to publish to (a script, a
 * unit test), the profiles are taken on here and now.
 */
export async function drainDecided(workspaceIds: string[]): Promise<void> {
  const workspaces = [...new Set(workspaceIds)];
  if (workspaces.length === 0) return;
  if (canPublishEvents()) {
    await publishEvents(workspaces.map((workspaceId) => journeyWaitsDecided.create({ workspaceId })));
    return;
  }
  for (const workspaceId of workspaces) while ((await takeDecidedPage(workspaceId, `inline:${process.pid}`, DECIDED_PAGE)).more);
}
