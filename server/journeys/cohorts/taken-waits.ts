import { sql, type SQL } from "drizzle-orm";
import { rowsOf } from "@/db/rows";

/** A row of a `taken` CTE (`delete from journey_waits … returning *`) with its enrollment. */
export type TTakenRow = { enrollment_id: string; profile_id: string; workspace_id: string; journey_id: string; version_id: string; node_id: string; trigger: Record<string, unknown> | string | null; active: boolean };

/** Selects the taken rows with their enrollment; one that an exit or a stop ended is not active and goes nowhere (its row is just gone). */
export const selectTaken = (extra: SQL = sql``) => sql`
  select t.enrollment_id, e.profile_id, t.workspace_id, t.journey_id, t.version_id, t.node_id, e.trigger, coalesce(e.status = 'active', false) as active ${extra}
  from taken t left join journey_enrollments e on e.id = t.enrollment_id`;

/** A CTE that takes the `taken` rows' profiles out of their timeout cohort: they are on their way, the cohort has nothing left to do for them. */
export const freeTaken = sql`freed as (update journey_enrollments e set cohort_id = null from taken t where e.id = t.enrollment_id and e.cohort_id = t.cohort_id)`;

export const takenRows = <T extends TTakenRow>(result: unknown): T[] => rowsOf<T>(result);

/** A jsonb column as a raw statement gives it (an object, or its text on some drivers). */
export const jsonOf = (v: Record<string, unknown> | string | null): Record<string, unknown> => (typeof v === "string" ? (JSON.parse(v) as Record<string, unknown>) : (v ?? {}));
