import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { TCohortKind } from "@/db/schema";
import { canPublishEvents, publishEvents } from "@/server/workflows/client";
import { journeyCohortOpened } from "@/server/workflows/events";

export interface TCohortOpening {
  workspaceId: string;
  journeyId: string;
  versionId: string;
  nodeId: string;
  kind: TCohortKind;
  /** On the workflow clock. */
  dueAt: Date;
  size: number;
}

/** Stores a cohort (its members are set by the caller: enrollments.cohort_id or journey_waits.cohort_id); returns its id. */
export async function openCohort(db: DbOrTx, c: TCohortOpening): Promise<string> {
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into journey_cohorts (workspace_id, journey_id, version_id, node_id, kind, due_at, size)
      values (${c.workspaceId}, ${c.journeyId}, ${c.versionId}, ${c.nodeId}, ${c.kind}, ${c.dueAt.toISOString()}, ${c.size}) returning id`),
  );
  return row!.id;
}

/** One durable run per cohort (journey.cohort); the cohort id dedupes a repeated start. */
export async function startCohortRuns(cohorts: { workspaceId: string; journeyId: string; versionId: string; cohortId: string }[]): Promise<void> {
  if (cohorts.length === 0 || !canPublishEvents()) return;
  for (let i = 0; i < cohorts.length; i += 500) {
    await publishEvents(cohorts.slice(i, i + 500).map((c) => journeyCohortOpened.create(c, { id: `journey-cohort-${c.cohortId}` })));
  }
}
