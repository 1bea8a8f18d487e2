import { sql, type SQL } from "drizzle-orm";
import { anyIdOf } from "@/db/any-of";
import { SEEN_PRECISION_MS } from "./last-seen";

/**
 * The SET and WHERE of `update profiles p … from <x> where …` for rows `x(id, traits,
 * timezone)` (traits and timezone may be null): last_seen_at, traits merged, time zone. A row
 * is only written when the traits change something, the time zone is new, or last_seen_at is
 * older than SEEN_PRECISION_MS, so an identify sent again does not rewrite the profile.
 */
export function touchProfiles(now: Date): { set: SQL; where: SQL } {
  const at = sql`${now.toISOString()}::timestamptz`;
  return {
    set: sql`last_seen_at = ${at},
      attributes = case when x.traits is null then p.attributes else p.attributes || x.traits end,
      updated_at = case when x.traits is null or p.attributes || x.traits = p.attributes then p.updated_at else ${at} end,
      timezone = coalesce(x.timezone, p.timezone)`,
    where: sql`p.id = x.id and ((x.traits is not null and p.attributes || x.traits <> p.attributes) or (x.timezone is not null and x.timezone is distinct from p.timezone)
      or p.last_seen_at is null or p.last_seen_at <= ${at} - ${`${SEEN_PRECISION_MS} milliseconds`}::interval)`,
  };
}

/** A touch of the profiles in `list` (JSON rows id, traits, timezone), returning the ids written; read by their index whatever the table's size. */
export function touchProfilesSql(now: Date, list: string): SQL {
  const touch = touchProfiles(now);
  return sql`with x as (select * from jsonb_to_recordset(${list}::jsonb) as x(id uuid, traits jsonb, timezone text))
    update profiles p set ${touch.set} from x where ${anyIdOf(sql`p.id`, "x")} and ${touch.where} returning p.id`;
}
