import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { journeyVersions } from "@/db/schema";
import type { TJourneyGraph } from "../graph/model";

// Versions never change once frozen, so each process reads a version's graph once. Runs read
// it outside their steps: the graph is not copied into every run's memoized state, which each
// call of the function would otherwise carry.
const cache = new Map<string, TJourneyGraph>();
const MAX = 500;

export async function versionGraph(versionId: string): Promise<TJourneyGraph> {
  const hit = cache.get(versionId);
  if (hit) return hit;
  const db = await getDb();
  const [row] = await db.select({ graph: journeyVersions.graph }).from(journeyVersions).where(eq(journeyVersions.id, versionId));
  if (!row) throw new Error(`Journey version ${versionId} not found`);
  if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
  cache.set(versionId, row.graph);
  return row.graph;
}
