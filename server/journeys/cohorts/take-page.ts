import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { TRunStart, TScope } from "../engine/advance-together";
import { recentCohorts, type TCohort } from "./cohort-rows";
import { handOn } from "./hand-on";
import { startCohortRuns } from "./open-cohort";
import { takeTimeoutPage } from "./take-timeouts";
import { takeWaitPage, type TCohortPosition, type TTakenPage } from "./take-wait-page";

const uuids = (ids: string[]) => `{${ids.join(",")}}`;

/**
 * The next page of a cohort: a timed wait's members after `at.after` (take-wait-page.ts), or the
 * profiles still waiting at a reaction or event wait when its deadline came, down the timeout
 * path (take-timeouts.ts: its rows are deleted as they are taken, so it needs no position).
 * `retried`: an earlier attempt of this page failed (recentCohorts says what that changes).
 */
export async function takeCohortPage(cohort: TCohort, at: TCohortPosition, limit: number, retried = false): Promise<TTakenPage> {
  if (retried) await startCohortRuns(await recentCohorts(cohort.versionId));
  if (cohort.kind === "wait") return takeWaitPage(cohort, at, limit);
  const r = await takeTimeoutPage(cohort, limit);
  await handOn(await scopeWithTriggers(cohort, r.handed), r.handed);
  return { taken: r.moved, last: null, done: !r.more };
}

/** The cohort's scope with each handed profile's {{ event.* }} (its enrollment's trigger), for the runs it starts. */
async function scopeWithTriggers(cohort: TCohort, handed: TRunStart[]): Promise<TScope> {
  const scope: TScope = { workspaceId: cohort.workspaceId, journeyId: cohort.journeyId, versionId: cohort.versionId, trigger: {}, triggers: new Map() };
  if (handed.length === 0) return scope;
  const db = await getDb();
  const rows = rowsOf<{ profile_id: string; trigger: Record<string, unknown> | string | null }>(
    await db.execute(sql`select profile_id, trigger from journey_enrollments where id = any(${uuids(handed.map((h) => h.enrollmentId))}::uuid[]) and trigger is not null`),
  );
  for (const r of rows) scope.triggers!.set(r.profile_id, typeof r.trigger === "string" ? (JSON.parse(r.trigger) as Record<string, unknown>) : r.trigger!);
  return scope;
}
