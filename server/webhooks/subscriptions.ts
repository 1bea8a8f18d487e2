import { and, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";

interface TSubscriber {
  id: string;
  eventTypes: string[];
}

/** Per process, for this long: a send batch asks the database at most once per workspace in that time. */
const TTL_MS = 10_000;
const cache = new Map<string, { at: number; endpoints: TSubscriber[] }>();

/**
 * The enabled endpoints of a workspace; cached, so the send hot path pays nothing when none is
 * subscribed. Inside a transaction pass it: PGlite has one connection, another query would wait on it.
 */
export async function subscribedEndpoints(workspaceId: string, type: string, tx?: DbOrTx): Promise<string[]> {
  let entry = cache.get(workspaceId);
  if (!entry || Date.now() - entry.at > TTL_MS) {
    const db = tx ?? (await getDb());
    const endpoints = await db
      .select({ id: webhookEndpoints.id, eventTypes: webhookEndpoints.eventTypes })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.enabled, true)));
    entry = { at: Date.now(), endpoints };
    cache.set(workspaceId, entry);
  }
  return entry.endpoints.filter((e) => e.eventTypes.includes(type)).map((e) => e.id);
}

/** After a change to a workspace's endpoints (other processes see it within TTL_MS). */
export function forgetSubscriptions(workspaceId: string): void {
  cache.delete(workspaceId);
}
