import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { journeyVersions } from "@/db/schema";
import { DEFAULT_SETTINGS, ZJourneySettings, type TJourneyGraph, type TJourneySettings } from "../graph/model";

// Versions never change once frozen, so each process reads a version's graph once. Runs read
// it outside their steps: the graph is not copied into every run's memoized state, which each
// call of the function would otherwise carry.
const cache = new Map<string, { graph: TJourneyGraph; settings: TJourneySettings }>();
const MAX = 500;

async function version(versionId: string) {
  const hit = cache.get(versionId);
  if (hit) return hit;
  const db = await getDb();
  const [row] = await db.select({ graph: journeyVersions.graph, settings: journeyVersions.settings }).from(journeyVersions).where(eq(journeyVersions.id, versionId));
  if (!row) throw new Error(`Journey version ${versionId} not found`);
  if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
  // Versions frozen before a setting existed get its default.
  const parsed = ZJourneySettings.safeParse(row.settings ?? {});
  const frozen = { graph: row.graph, settings: parsed.success ? parsed.data : { ...DEFAULT_SETTINGS, ...row.settings } };
  cache.set(versionId, frozen);
  return frozen;
}

export async function versionGraph(versionId: string): Promise<TJourneyGraph> {
  return (await version(versionId)).graph;
}

export async function versionSettings(versionId: string): Promise<TJourneySettings> {
  return (await version(versionId)).settings;
}
