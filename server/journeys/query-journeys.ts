import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { journeys, journeyVersions } from "@/db/schema";
import { otherApprovers } from "@/server/campaigns/approval-help";
import { approvalRequired } from "@/server/campaigns/approval-setting";
import { notFound } from "@/server/errors";
import { isEntry } from "./graph/nodes";
import { validateGraph } from "./graph/validate-graph";

/** Journeys with how many profiles are inside now and have ever entered (live runs only). */
export async function listJourneys(workspaceId: string) {
  const db = await getDb();
  const rows = await db.execute(sql`
    select j.id, j.name, j.description, j.status, j.review, j.test_mode, j.draft_changed, j.updated_at, j.graph, v.number as live_version,
      coalesce(c.active, 0)::int as active, coalesce(c.entered, 0)::int as entered
    from journeys j
    left join journey_versions v on v.id = j.live_version_id
    left join lateral (
      select count(*) filter (where e.status = 'active') as active, count(*) as entered
      from journey_enrollments e where e.journey_id = j.id and not e.is_test
    ) c on true
    where j.workspace_id = ${workspaceId}
    order by j.updated_at desc`);
  type TRow = { id: string; name: string; description: string | null; status: string; review: string; test_mode: boolean; draft_changed: boolean; updated_at: string | Date; graph: { nodes: { type: string }[] }; live_version: number | null; active: number; entered: number };
  return rowsOf<TRow>(rows).map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    status: r.status,
    review: r.review,
    testMode: r.test_mode,
    draftChanged: r.draft_changed,
    liveVersionNumber: r.live_version,
    entryType: r.graph.nodes.find((n) => isEntry(n.type))?.type ?? null,
    steps: r.graph.nodes.length,
    active: r.active,
    entered: r.entered,
    updatedAt: new Date(r.updated_at),
  }));
}

export async function getJourney(workspaceId: string, journeyId: string, viewerId?: string) {
  const db = await getDb();
  const [journey] = await db.select().from(journeys).where(and(eq(journeys.id, journeyId), eq(journeys.workspaceId, workspaceId)));
  if (!journey) throw notFound("Journey");
  const versions = await db
    .select({ id: journeyVersions.id, number: journeyVersions.number, isTest: journeyVersions.isTest, createdAt: journeyVersions.createdAt })
    .from(journeyVersions)
    .where(and(eq(journeyVersions.journeyId, journeyId), eq(journeyVersions.isTest, false)))
    .orderBy(desc(journeyVersions.number));
  const active = await db.execute(sql`select version_id, count(*)::int as n from journey_enrollments where journey_id = ${journeyId} and status = 'active' and not is_test group by version_id`);
  const activeBy = new Map(rowsOf<{ version_id: string; n: number }>(active).map((r) => [r.version_id, r.n]));
  return {
    journey,
    liveVersion: versions.find((v) => v.id === journey.liveVersionId) ?? null,
    versions: versions.map((v) => ({ ...v, active: activeBy.get(v.id) ?? 0 })),
    errors: validateGraph(journey.graph),
    approvalRequired: await approvalRequired(db, workspaceId),
    otherApprovers: await otherApprovers(db, workspaceId, journey.submittedById ?? viewerId),
  };
}

/** The graph of a version (the live canvas of an older version, or a test version). */
export async function getVersion(workspaceId: string, versionId: string) {
  const db = await getDb();
  const [v] = await db.select().from(journeyVersions).where(and(eq(journeyVersions.id, versionId), eq(journeyVersions.workspaceId, workspaceId)));
  if (!v) throw notFound("Journey version");
  return v;
}
