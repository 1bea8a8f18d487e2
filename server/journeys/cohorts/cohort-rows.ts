import { sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { TCohortKind, TCohortStatus } from "@/db/schema";

/** A cohort as its durable run reads it once (memoized): where its members wait, and until when. */
export interface TCohort {
  id: string;
  workspaceId: string;
  journeyId: string;
  versionId: string;
  nodeId: string;
  kind: TCohortKind;
  /** ISO, on the workflow clock. */
  dueAt: string;
  status: TCohortStatus;
}

export async function loadCohort(cohortId: string): Promise<TCohort | null> {
  const db = await getDb();
  const [row] = rowsOf<{ id: string; workspace_id: string; journey_id: string; version_id: string; node_id: string; kind: TCohortKind; due_at: string | Date; status: TCohortStatus }>(
    await db.execute(sql`select id, workspace_id, journey_id, version_id, node_id, kind, due_at, status from journey_cohorts where id = ${cohortId}`),
  );
  if (!row) return null;
  return { id: row.id, workspaceId: row.workspace_id, journeyId: row.journey_id, versionId: row.version_id, nodeId: row.node_id, kind: row.kind, dueAt: new Date(row.due_at).toISOString(), status: row.status };
}

/** Every member taken on: the cohort is over (unless it was stopped meanwhile). */
export async function finishCohort(cohortId: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`update journey_cohorts set status = 'done', finished_at = now() where id = ${cohortId} and status in ('waiting', 'moving')`);
}

/** A stopped journey's cohorts end with it (their enrollments are stopped by the caller, their runs cancelled). */
export async function stopCohorts(tx: DbOrTx, journeyId: string): Promise<void> {
  await tx.execute(sql`update journey_cohorts set status = 'stopped', finished_at = now() where journey_id = ${journeyId} and status in ('waiting', 'moving')`);
  // The stop ends everyone inside: nothing is left for an event or a timeout to take.
  await tx.execute(sql`delete from journey_waits where journey_id = ${journeyId}`);
}

/**
 * The waiting cohorts a version opened in the last hour. A retried page sends their start
 * events again: its first attempt may have stored a cohort and crashed before sending it, and
 * the retry no longer finds those members (they left for that cohort). Their ids dedupe the
 * starts that did go out (kept a day on Inngest, until pruned by the embedded executor).
 */
export async function recentCohorts(versionId: string): Promise<{ workspaceId: string; journeyId: string; versionId: string; cohortId: string }[]> {
  const db = await getDb();
  const rows = rowsOf<{ id: string; workspace_id: string; journey_id: string }>(
    await db.execute(sql`select id, workspace_id, journey_id from journey_cohorts where version_id = ${versionId} and status = 'waiting' and created_at > now() - interval '1 hour'`),
  );
  return rows.map((r) => ({ workspaceId: r.workspace_id, journeyId: r.journey_id, versionId, cohortId: r.id }));
}

/** The cohort's run failed for good: its members still waiting fail with it, as a failed journey.run's profile does. */
export async function failCohort(cohortId: string, error: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const failed = sql`status = 'failed', exit_reason = ${error.slice(0, 500)}, finished_at = now()`;
    await tx.execute(sql`update journey_enrollments set ${failed} where cohort_id = ${cohortId} and status = 'active'`);
    await tx.execute(sql`update journey_enrollments set ${failed} where id in (select enrollment_id from journey_waits where cohort_id = ${cohortId}) and status = 'active'`);
    await tx.execute(sql`update journey_cohorts set status = 'done', finished_at = now() where id = ${cohortId} and status in ('waiting', 'moving')`);
  });
}
