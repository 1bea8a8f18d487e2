import { sql, type SQL } from "drizzle-orm";
import { anyIdOf } from "@/db/any-of";
import { SEEN_PRECISION_MS } from "./last-seen";

/**
 * `update profiles p set … from <source> x where …` for the rows of the CTE `source`
 * `(id, traits, timezone)` (traits and timezone may be null): last_seen_at, traits merged,
 * time zone. A row is only written when the traits change something, the time zone is new,
 * or last_seen_at is older than SEEN_PRECISION_MS, so an identify sent again does not
 * rewrite the profile. Profiles are read by their index whatever the table's size (anyIdOf).
 * Returns the ids written.
 */
export function touchProfiles(now: Date, source: string): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`update profiles p set last_seen_at = ${at},
      attributes = case when x.traits is null then p.attributes else p.attributes || x.traits end,
      updated_at = case when x.traits is null or p.attributes || x.traits = p.attributes then p.updated_at else ${at} end,
      timezone = coalesce(x.timezone, p.timezone)
    from ${sql.raw(source)} x
    where ${anyIdOf(sql`p.id`, source)} and p.id = x.id
      and ((x.traits is not null and p.attributes || x.traits <> p.attributes) or (x.timezone is not null and x.timezone is distinct from p.timezone)
        or p.last_seen_at is null or p.last_seen_at <= ${at} - ${`${SEEN_PRECISION_MS} milliseconds`}::interval)
    returning p.id`;
}

/** A touch of the profiles in `list` (JSON rows id, traits, timezone). */
export function touchProfilesSql(now: Date, list: string): SQL {
  return sql`with touch as (select * from jsonb_to_recordset(${list}::jsonb) as x(id uuid, traits jsonb, timezone text)) ${touchProfiles(now, "touch")}`;
}
