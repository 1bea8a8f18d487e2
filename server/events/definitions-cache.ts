import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { eventDefinitions } from "@/db/schema";

type TDefinition = typeof eventDefinitions.$inferSelect;

/**
 * A workspace's event definitions, read at most once every CACHE_MS for ingestion (a group
 * of calls would otherwise start with this read). A change made in this process applies to
 * the next call (forgetDefinitions); one made in another process, within CACHE_MS.
 */
const CACHE_MS = 5_000;
const cache = new Map<string, { until: number; rows: Promise<TDefinition[]> }>();

export function cachedDefinitions(workspaceId: string): Promise<TDefinition[]> {
  const hit = cache.get(workspaceId);
  if (hit && hit.until > Date.now()) return hit.rows;
  const rows = getDb().then((db) => db.select().from(eventDefinitions).where(eq(eventDefinitions.workspaceId, workspaceId)));
  cache.set(workspaceId, { until: Date.now() + CACHE_MS, rows });
  rows.catch(() => cache.delete(workspaceId));
  return rows;
}

/** After a definition of the workspace was created, changed or deleted (and committed). */
export function forgetDefinitions(workspaceId: string): void {
  cache.delete(workspaceId);
}
