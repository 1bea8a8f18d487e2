import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { journeyEnrollments, journeys, journeySteps, journeyVersions, profiles } from "@/db/schema";
import { notFound } from "@/server/errors";
import { onWorkflowClock } from "@/server/workflows/time-travel";
import { assertJourneyIn } from "./journey-access";

type TStepRow = typeof journeySteps.$inferSelect;
const stepView = (s: TStepRow) => ({ nodeId: s.nodeId, enteredAt: s.enteredAt, finishedAt: s.finishedAt, outcome: s.outcome, detail: s.detail });

const PROFILE_LABEL = sql<string>`coalesce(
  (select value from profile_identities i where i.profile_id = e.profile_id and i.namespace = 'email' limit 1),
  (select value from profile_identities i where i.profile_id = e.profile_id and i.namespace = 'external_id' limit 1),
  e.profile_id::text)`;

/** The steps of several runs, in the order they were taken. */
async function stepsOf(enrollmentIds: string[]): Promise<TStepRow[]> {
  if (enrollmentIds.length === 0) return [];
  const db = await getDb();
  return db.select().from(journeySteps).where(inArray(journeySteps.enrollmentId, enrollmentIds)).orderBy(asc(journeySteps.id));
}

/** Profiles that went through a node (waiting on it first), for the node's drawer on the live canvas. */
export async function nodeProfiles(workspaceId: string, journeyId: string, nodeId: string, test: boolean, limit = 100) {
  await assertJourneyIn(workspaceId, journeyId);
  const db = await getDb();
  const rows = await db.execute(sql`
    select e.id as enrollment_id, e.profile_id, ${PROFILE_LABEL} as label, s.entered_at, s.finished_at, s.outcome, e.status,
      (e.status = 'active' and e.current_node_id = s.node_id) as waiting
    from journey_steps s join journey_enrollments e on e.id = s.enrollment_id
    where s.journey_id = ${journeyId} and s.node_id = ${nodeId} and s.is_test = ${test}
    order by waiting desc, s.entered_at desc limit ${limit}`);
  return rowsOf<{ enrollment_id: string; profile_id: string; label: string; entered_at: string; finished_at: string | null; outcome: string | null; status: string; waiting: boolean }>(rows).map((r) => ({
    enrollmentId: r.enrollment_id, profileId: r.profile_id, label: r.label, enteredAt: new Date(r.entered_at), finishedAt: r.finished_at ? new Date(r.finished_at) : null, outcome: r.outcome, status: r.status, waiting: r.waiting,
  }));
}

/** One run, step by step: what the canvas draws as the profile's path, and the profile page lists. */
export async function enrollmentTrace(workspaceId: string, enrollmentId: string) {
  const db = await getDb();
  const [e] = await db
    .select({ enrollment: journeyEnrollments, journeyName: journeys.name, versionNumber: journeyVersions.number })
    .from(journeyEnrollments)
    .innerJoin(journeys, eq(journeys.id, journeyEnrollments.journeyId))
    .innerJoin(journeyVersions, eq(journeyVersions.id, journeyEnrollments.versionId))
    .where(and(eq(journeyEnrollments.id, enrollmentId), eq(journeyEnrollments.workspaceId, workspaceId)));
  if (!e) throw notFound("Journey run");
  const steps = await db.select().from(journeySteps).where(eq(journeySteps.enrollmentId, enrollmentId)).orderBy(asc(journeySteps.id));
  return { ...e.enrollment, journeyName: e.journeyName, versionNumber: e.versionNumber, steps: steps.map(stepView) };
}

/** The test runs of a journey (newest first) with their paths, for the test panel. */
export async function testRuns(workspaceId: string, journeyId: string, limit = 20) {
  await assertJourneyIn(workspaceId, journeyId);
  const db = await getDb();
  const rows = await db.execute(sql`
    select e.id, e.profile_id, ${PROFILE_LABEL} as label, e.status, e.current_node_id, e.entered_at, e.exit_reason
    from journey_enrollments e where e.journey_id = ${journeyId} and e.is_test order by e.entered_at desc, e.id limit ${limit}`);
  const runs = rowsOf<{ id: string; profile_id: string; label: string; status: string; current_node_id: string | null; entered_at: string; exit_reason: string | null }>(rows);
  const steps = await stepsOf(runs.map((r) => r.id));
  return runs.map((r) => ({
    enrollmentId: r.id, profileId: r.profile_id, label: r.label, status: r.status, currentNodeId: r.current_node_id, enteredAt: new Date(r.entered_at), exitReason: r.exit_reason,
    // Test runs are driven with time travel: their steps read on the workflow clock.
    steps: steps.filter((s) => s.enrollmentId === r.id).map(stepView).map((s) => ({ ...s, enteredAt: onWorkflowClock(s.enteredAt), finishedAt: s.finishedAt && onWorkflowClock(s.finishedAt) })),
  }));
}

/** A profile's journeys (the profile page's panel), newest first, with each run's steps. */
export async function profileJourneys(workspaceId: string, profileId: string, limit = 20) {
  const db = await getDb();
  const [profile] = await db.select({ id: profiles.id }).from(profiles).where(and(eq(profiles.id, profileId), eq(profiles.workspaceId, workspaceId)));
  if (!profile) throw notFound("Profile");
  const runs = await db
    .select({ id: journeyEnrollments.id, journeyId: journeyEnrollments.journeyId, journeyName: journeys.name, versionNumber: journeyVersions.number, status: journeyEnrollments.status, isTest: journeyEnrollments.isTest, currentNodeId: journeyEnrollments.currentNodeId, enteredAt: journeyEnrollments.enteredAt, finishedAt: journeyEnrollments.finishedAt, exitReason: journeyEnrollments.exitReason, graph: journeyVersions.graph })
    .from(journeyEnrollments)
    .innerJoin(journeys, eq(journeys.id, journeyEnrollments.journeyId))
    .innerJoin(journeyVersions, eq(journeyVersions.id, journeyEnrollments.versionId))
    .where(and(eq(journeyEnrollments.profileId, profileId), eq(journeyEnrollments.workspaceId, workspaceId)))
    .orderBy(desc(journeyEnrollments.enteredAt))
    .limit(limit);
  const steps = await stepsOf(runs.map((r) => r.id));
  return runs.map(({ graph, ...r }) => ({
    ...r,
    steps: steps.filter((s) => s.enrollmentId === r.id).map((s) => {
      const n = graph.nodes.find((x) => x.id === s.nodeId);
      return { ...stepView(s), label: n?.label || null, type: n?.type ?? null };
    }),
  }));
}
