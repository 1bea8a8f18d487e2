import { and, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { journeyEnrollments, journeySteps, profiles, type TEnrollmentStatus } from "@/db/schema";

export interface TLeft {
  nodeId: string;
  outcome: string;
  detail?: Record<string, unknown>;
}

/** What a run needs from the database once: the profile's zone and the trigger (the graph comes from version-cache.ts). */
export async function loadEnrollment(enrollmentId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ status: journeyEnrollments.status, trigger: journeyEnrollments.trigger, timezone: profiles.timezone })
    .from(journeyEnrollments)
    .innerJoin(profiles, eq(profiles.id, journeyEnrollments.profileId))
    .where(eq(journeyEnrollments.id, enrollmentId));
  return row ? { status: row.status, trigger: row.trigger ?? {}, timezone: row.timezone } : null;
}

export async function profileTimezone(profileId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ timezone: profiles.timezone }).from(profiles).where(eq(profiles.id, profileId));
  return row?.timezone ?? null;
}

/**
 * Moves a run onto a node: closes the step it leaves (with its outcome), opens the new one
 * and marks it as where the profile is now. Returns false when the enrollment is no longer
 * active (exited by an exit event, or the journey stopped): the run then ends.
 * Idempotent: a retried step finds its rows already written.
 */
export async function enterNode(enrollmentId: string, journeyId: string, isTest: boolean, left: TLeft | null, nodeId: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [e] = await tx.select({ status: journeyEnrollments.status }).from(journeyEnrollments).where(eq(journeyEnrollments.id, enrollmentId)).for("update");
    if (!e || e.status !== "active") return false;
    if (left) await closeStep(tx, enrollmentId, left);
    await tx.insert(journeySteps).values({ enrollmentId, journeyId, nodeId, isTest }).onConflictDoNothing();
    await tx.update(journeyEnrollments).set({ currentNodeId: nodeId }).where(eq(journeyEnrollments.id, enrollmentId));
    return true;
  });
}

async function closeStep(tx: DbOrTx, enrollmentId: string, left: TLeft) {
  await tx
    .update(journeySteps)
    .set({ finishedAt: sql`coalesce(${journeySteps.finishedAt}, now())`, outcome: left.outcome, detail: left.detail ?? null })
    .where(and(eq(journeySteps.enrollmentId, enrollmentId), eq(journeySteps.nodeId, left.nodeId)));
}

/** The run reached an exit (or was ended): closes its last step and the enrollment. */
export async function finishEnrollment(enrollmentId: string, left: TLeft | null, status: TEnrollmentStatus, reason?: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (left) await closeStep(tx, enrollmentId, left);
    await tx
      .update(journeyEnrollments)
      .set({ status, exitReason: reason ?? null, finishedAt: new Date() })
      .where(and(eq(journeyEnrollments.id, enrollmentId), eq(journeyEnrollments.status, "active")));
  });
}
