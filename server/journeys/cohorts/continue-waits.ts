import { sql, type SQL } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { continueTogether, type TRunStart, type TScope } from "../engine/advance-together";
import { handOn } from "./hand-on";

/** A journey_waits row taken (deleted) by an event or its timeout, and the way its wait decided. */
export interface TTakenWait {
  enrollmentId: string;
  profileId: string;
  workspaceId: string;
  journeyId: string;
  versionId: string;
  nodeId: string;
  /** What later steps personalize with ({{ event.* }}): the enrollment's trigger, or the event an event wait received. */
  trigger: Record<string, unknown>;
  handle: string;
  outcome: string;
  detail?: Record<string, unknown>;
}

/** Profiles of one version that continueTogether handed to their own durable runs. */
export interface THandedGroup {
  scope: TScope;
  handed: TRunStart[];
}

/** A row of a `taken` CTE (`delete from journey_waits … returning *`) with its enrollment. */
export type TTakenRow = { enrollment_id: string; profile_id: string; workspace_id: string; journey_id: string; version_id: string; node_id: string; trigger: Record<string, unknown> | string | null; active: boolean };

/** Selects the taken rows with their enrollment; one that an exit or a stop ended is not active and goes nowhere (its row is just gone). */
export const selectTaken = (extra: SQL = sql``) => sql`
  select t.enrollment_id, e.profile_id, t.workspace_id, t.journey_id, t.version_id, t.node_id, e.trigger, coalesce(e.status = 'active', false) as active ${extra}
  from taken t left join journey_enrollments e on e.id = t.enrollment_id`;

/** A CTE that takes the `taken` rows' profiles out of their timeout cohort: an event moved them, the cohort has nothing left to do for them. */
export const freeTaken = sql`freed as (update journey_enrollments e set cohort_id = null from taken t where e.id = t.enrollment_id and e.cohort_id = t.cohort_id)`;

export const takenRows = <T extends TTakenRow>(result: unknown): T[] => rowsOf<T>(result);

/** A jsonb column as a raw statement gives it (an object, or its text on some drivers). */
export const jsonOf = (v: Record<string, unknown> | string | null): Record<string, unknown> => (typeof v === "string" ? (JSON.parse(v) as Record<string, unknown>) : (v ?? {}));

export const takenWait = (r: TTakenRow, decided: Pick<TTakenWait, "handle" | "outcome" | "detail">): TTakenWait => ({
  enrollmentId: r.enrollment_id,
  profileId: r.profile_id,
  workspaceId: r.workspace_id,
  journeyId: r.journey_id,
  versionId: r.version_id,
  nodeId: r.node_id,
  trigger: jsonOf(r.trigger),
  ...decided,
});

/** Takes the profiles on from their wait, together per (version, node), each with its own trigger. */
export async function continueWaits(taken: TTakenWait[]): Promise<THandedGroup[]> {
  const groups = new Map<string, TTakenWait[]>();
  for (const t of taken) {
    const key = `${t.versionId}:${t.nodeId}`;
    const group = groups.get(key);
    if (group) group.push(t);
    else groups.set(key, [t]);
  }
  const handedGroups: THandedGroup[] = [];
  for (const rows of groups.values()) {
    const { workspaceId, journeyId, versionId, nodeId } = rows[0]!;
    const scope: TScope = { workspaceId, journeyId, versionId, trigger: {}, triggers: new Map(rows.map((r) => [r.profileId, r.trigger])) };
    const decided = rows.map((r) => ({ at: { enrollmentId: r.enrollmentId, profileId: r.profileId }, handle: r.handle, outcome: r.outcome, detail: r.detail }));
    const handed = await continueTogether(scope, nodeId, decided);
    if (handed.length) handedGroups.push({ scope, handed });
  }
  return handedGroups;
}

/** Hands on what continueWaits handed over (hand-on.ts): timed waits to cohorts, the rest to their runs, each with its trigger. */
export async function handOnGroups(groups: THandedGroup[]): Promise<void> {
  for (const { scope, handed } of groups) await handOn(scope, handed);
}
