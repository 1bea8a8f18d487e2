import { sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { TRunStart, TScope } from "../engine/advance-together";
import { versionGraph } from "../engine/version-cache";
import { startRuns } from "../start-runs";
import { openCohort, startCohortRuns } from "./open-cohort";

const uuids = (ids: string[]) => `{${ids.join(",")}}`;

const baseline = Symbol.for("parcours.journeys.perProfileRuns");
const g = globalThis as typeof globalThis & { [baseline]?: boolean };

/** Benchmarks only: hand every profile to its own journey.run, as before cohorts, to measure against. */
export function handOnPerProfileForBaseline(on: boolean): void {
  g[baseline] = on;
}

/**
 * What a page of live profiles does where advanceTogether (or continueTogether) left them:
 * those at a timed wait join one cohort per (node, instant), one durable run that sleeps
 * once for all of them (journey.cohort); the rest (deferred messages, reactions, event waits,
 * webhooks...) go on in their own journey.run. Safe to repeat: a profile already in a cohort
 * of that node stays in it, and the cohort's start event is sent again (deduped by its id),
 * in case the first attempt stored the cohort but did not send it.
 */
export async function handOn(scope: TScope, handed: TRunStart[]): Promise<void> {
  if (handed.length === 0) return;
  const graph = await versionGraph(scope.versionId);
  const timed = new Set(graph.nodes.filter((n) => n.type === "wait").map((n) => n.id));
  const groups = new Map<string, TRunStart[]>();
  const runs: TRunStart[] = [];
  for (const h of handed) {
    const wait = h.resume.wait;
    if (g[baseline] || !wait?.target || wait.messageId || !timed.has(h.resume.nodeId)) {
      runs.push(h);
      continue;
    }
    const key = `${h.resume.nodeId}\u0000${wait.target}`;
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  if (groups.size > 0) {
    const db = await getDb();
    const cohortIds = await db.transaction((tx) => joinCohorts(tx, scope, [...groups.values()]));
    await startCohortRuns(cohortIds.map((cohortId) => ({ workspaceId: scope.workspaceId, journeyId: scope.journeyId, versionId: scope.versionId, cohortId })));
  }
  await startRuns({ ...scope, test: false }, runs, (profileId) => scope.triggers?.get(profileId));
}

/** Puts each group in a new cohort, but for members already in a cohort at that node; returns every cohort concerned. */
async function joinCohorts(tx: DbOrTx, scope: TScope, groups: TRunStart[][]): Promise<string[]> {
  const ids = groups.flat().map((h) => h.enrollmentId);
  const joined = rowsOf<{ id: string; cohort_id: string; node_id: string }>(
    await tx.execute(sql`select e.id, c.id as cohort_id, c.node_id from journey_enrollments e join journey_cohorts c on c.id = e.cohort_id
      where e.id = any(${uuids(ids)}::uuid[]) and c.version_id = ${scope.versionId} and c.kind = 'wait'`),
  );
  const cohortAt = new Map(joined.map((r) => [`${r.id}\u0000${r.node_id}`, r.cohort_id]));
  const cohorts = new Set<string>();
  for (const group of groups) {
    const { nodeId, wait } = group[0]!.resume;
    const fresh: string[] = [];
    for (const h of group) {
      const already = cohortAt.get(`${h.enrollmentId}\u0000${nodeId}`);
      if (already) cohorts.add(already);
      else fresh.push(h.enrollmentId);
    }
    if (fresh.length === 0) continue;
    const cohortId = await openCohort(tx, { workspaceId: scope.workspaceId, journeyId: scope.journeyId, versionId: scope.versionId, nodeId, kind: "wait", dueAt: new Date(wait!.target), size: fresh.length });
    await tx.execute(sql`update journey_enrollments set cohort_id = ${cohortId} where id = any(${uuids(fresh)}::uuid[]) and status = 'active'`);
    cohorts.add(cohortId);
  }
  return [...cohorts];
}
