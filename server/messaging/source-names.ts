import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, journeys } from "@/db/schema";

type TSourced = { sourceType: string; sourceId: string | null };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const idsOf = (rows: TSourced[], type: string) => [...new Set(rows.flatMap((r) => (r.sourceType === type && r.sourceId && UUID.test(r.sourceId) ? [r.sourceId] : [])))];

/**
 * The campaigns' and journeys' names behind messages (two indexed reads for a page of the
 * log), so the log and a message's page say "Welcome journey", not an id.
 */
export async function withSourceNames<T extends TSourced>(workspaceId: string, rows: T[]): Promise<(T & { sourceName: string | null })[]> {
  const campaignIds = idsOf(rows, "campaign");
  const journeyIds = idsOf(rows, "journey");
  const db = await getDb();
  const [c, j] = await Promise.all([
    campaignIds.length ? db.select({ id: campaigns.id, name: campaigns.name }).from(campaigns).where(and(eq(campaigns.workspaceId, workspaceId), inArray(campaigns.id, campaignIds))) : [],
    journeyIds.length ? db.select({ id: journeys.id, name: journeys.name }).from(journeys).where(and(eq(journeys.workspaceId, workspaceId), inArray(journeys.id, journeyIds))) : [],
  ]);
  const names = new Map([...c, ...j].map((r) => [r.id, r.name]));
  return rows.map((r) => ({ ...r, sourceName: (r.sourceId && names.get(r.sourceId)) ?? null }));
}
