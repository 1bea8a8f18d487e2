import { and, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { journeyEnrollments, journeys, messages } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { expireMessages } from "@/server/messaging/expire-messages";
import { canPublishEvents, publishEvents } from "@/server/workflows/client";
import { journeyStopped } from "@/server/workflows/events";
import { enqueueJourneyExits, type TFinished } from "@/server/webhooks/journey-webhooks";
import { lockJourney } from "./manage-journeys";
import { stopCohorts } from "./cohorts/cohort-rows";

/** Ends the enrollments of a journey (live or test ones) and their open steps; returns them. */
export async function endEnrollments(tx: DbOrTx, journeyId: string, test: boolean, reason: string): Promise<TFinished[]> {
  const ended = await tx
    .update(journeyEnrollments)
    .set({ status: "stopped", exitReason: reason, finishedAt: new Date() })
    .where(and(eq(journeyEnrollments.journeyId, journeyId), eq(journeyEnrollments.isTest, test), eq(journeyEnrollments.status, "active")))
    .returning({ id: journeyEnrollments.id, workspace_id: journeyEnrollments.workspaceId, journey_id: journeyEnrollments.journeyId, profile_id: journeyEnrollments.profileId, is_test: journeyEnrollments.isTest });
  await tx.execute(sql`update journey_steps set finished_at = now(), outcome = ${reason} where journey_id = ${journeyId} and is_test = ${test} and finished_at is null`);
  return ended;
}

/** Stop: no new entries, and every profile inside leaves now (their runs are cancelled). */
export async function stopJourney(workspaceId: string, journeyId: string, actor: TActor) {
  const db = await getDb();
  const ended = await db.transaction(async (tx) => {
    const j = await lockJourney(tx, workspaceId, journeyId);
    if (j.status !== "live") throw new AppError("CONFLICT", `Only a live journey can be stopped (this one is ${j.status})`);
    await tx.update(journeys).set({ status: "stopped", updatedAt: new Date() }).where(eq(journeys.id, journeyId));
    const stopped = await endEnrollments(tx, journeyId, false, "journey stopped");
    await stopCohorts(tx, journeyId);
    await recordAudit(tx, { workspaceId, actor, action: "journey.stop", entityType: "journey", entityId: journeyId, diff: { status: { from: j.status, to: "stopped" }, ended: { from: null, to: stopped.length } } });
    return stopped;
  });
  await enqueueJourneyExits(ended, "stopped", "journey stopped");
  if (canPublishEvents()) await publishEvents(journeyStopped.create({ journeyId, test: false }));
  // Their runs, the only ones that would send the messages they were waiting for, are cancelled.
  const waiting = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.sourceType, "journey"), eq(messages.sourceId, journeyId), eq(messages.status, "deferred"), eq(messages.isTest, false)));
  await expireMessages(db, workspaceId, { ids: waiting.map((m) => m.id) }, "The journey was stopped");
  return { ended: ended.length };
}

/** Close: no new entries; profiles already inside finish their way. Final. */
export async function closeJourney(workspaceId: string, journeyId: string, actor: TActor) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const j = await lockJourney(tx, workspaceId, journeyId);
    if (j.status !== "live" && j.status !== "stopped") throw new AppError("CONFLICT", `Only a live or stopped journey can be closed (this one is ${j.status})`);
    await tx.update(journeys).set({ status: "closed", testMode: false, updatedAt: new Date() }).where(eq(journeys.id, journeyId));
    await recordAudit(tx, { workspaceId, actor, action: "journey.close", entityType: "journey", entityId: journeyId, diff: { status: { from: j.status, to: "closed" } } });
    return { status: "closed" as const };
  });
}
