import { groupDeferred, groupEventId } from "@/server/messaging/defer-groups";
import { getMessagingSettings } from "@/server/messaging/messaging-settings";
import { canPublishEvents, publishEvents } from "@/server/workflows/client";
import { workflowNow } from "@/server/workflows/embedded/clock";
import { messagesDeferred } from "@/server/workflows/events";
import type { TDeferredSource, TDeferredTarget } from "./deferred-source";

/**
 * Hands deferred messages to messages.deferred, which sends them when due: grouped by due
 * minute and chunked (defer-groups.ts), one event a group, named by what it holds so a retried
 * step starts nothing twice. A first deferral expires after the workspace's deferredExpiryHours;
 * a follow-up keeps its `expiresAt`, and its `scope` (the run it comes from) names it apart.
 * Returns the groups' due times.
 */
export async function publishDeferred(workspaceId: string, source: TDeferredSource, items: { until: Date; target: TDeferredTarget }[], follow: { expiresAt: Date; scope: string } | null = null): Promise<string[]> {
  if (items.length === 0 || !canPublishEvents()) return [];
  const expiresAt = follow?.expiresAt ?? new Date(workflowNow().getTime() + (await getMessagingSettings(workspaceId)).deferredExpiryHours * 3_600_000);
  const groups = groupDeferred(items, expiresAt);
  const scope = JSON.stringify([source, follow?.scope ?? null]);
  await publishEvents(groups.map((g) => messagesDeferred.create({ workspaceId, source, due: g.due, expiresAt: expiresAt.toISOString(), targets: g.targets }, { id: groupEventId(scope, g) })));
  return groups.map((g) => g.due);
}
