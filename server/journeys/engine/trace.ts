import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { journeyEnrollments, profiles, type TEnrollmentStatus } from "@/db/schema";
import { enterTogether, finishTogether } from "./trace-together";

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
 * and marks it as where the profile is now, in one statement (enterTogether for one).
 * Returns false when the enrollment is no longer active (exited by an exit event, or the
 * journey stopped): the run then ends. Idempotent: a retried step finds its rows written.
 */
export async function enterNode(enrollmentId: string, journeyId: string, isTest: boolean, left: TLeft | null, nodeId: string): Promise<boolean> {
  const active = await enterTogether([{ enrollmentId, profileId: "", left }], journeyId, nodeId, isTest);
  return active.length === 1;
}

/** The run reached an exit (or was ended): closes its last step and the enrollment. */
export async function finishEnrollment(enrollmentId: string, left: TLeft | null, status: TEnrollmentStatus, reason?: string): Promise<void> {
  await finishTogether([{ enrollmentId, left }], status, reason ?? null);
}
