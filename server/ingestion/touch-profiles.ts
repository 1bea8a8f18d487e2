import { sql, type SQL } from "drizzle-orm";
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
