import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { journeys } from "@/db/schema";
import { notFound } from "@/server/errors";

/** A journey id from a caller must belong to the caller's workspace (else NOT_FOUND, never data). */
export async function assertJourneyIn(workspaceId: string, journeyId: string): Promise<void> {
  const db = await getDb();
  const [row] = await db.select({ id: journeys.id }).from(journeys).where(and(eq(journeys.id, journeyId), eq(journeys.workspaceId, workspaceId)));
  if (!row) throw notFound("Journey");
}
