import { sql, type SQL } from "drizzle-orm";
import { ownerOfIdentity } from "@/server/profiles/identity-owners";
import { EVENT_COLUMNS, EVENT_JSON_COLUMNS, EVENT_ON_CONFLICT, eventValuesFromJson } from "./event-rows";
import { touchProfiles } from "./touch-profiles";

const HEAD = sql.raw(`with x as materialized (select x.*, o.profile_id as owner, o.profile_id is not null and (x.more is null or not exists (
    select 1 from jsonb_to_recordset(x.more) as m(namespace text, value text) where not exists (select 1 from profile_identities j
      where j.workspace_id = x."workspaceId" and j.namespace = m.namespace and j.value = m.value and j.profile_id = o.profile_id))) as whole
  from rows from (jsonb_to_recordset(`);
const OWNER = ownerOfIdentity(sql.raw(`x."workspaceId"`), sql.raw("x.ns"), sql.raw("x.value"));

/**
 * The statement that stores calls on profiles that already exist, finding each profile
 * itself, atomically, with no transaction around it: the text before and after its JSON
 * parameter (event-rows.ts). A row's identity (`ns`, `value`) names its profile; its other
 * identities (`more`) must all belong to that same profile, else the row is left for the
 * usual path (it attaches or merges identities). An identify stored here applies its traits
 * (and time zone) in the same statement, in call order, and only if its event was new;
 * identifies that come after one left for the usual path stay behind it, so traits are
 * still applied in call order. Returned per stored row: `applied` (an identify's traits are
 * on the profile) and `touched` (the profile's row was written, last_seen_at too).
 */
export function insertByIdentitySql(now: Date): [SQL, SQL] {
  return [
    HEAD,
    sql`::jsonb) as (${sql.raw(EVENT_JSON_COLUMNS)})) with ordinality as x left join ${OWNER} o on true),
      ins as (insert into events (${sql.raw(EVENT_COLUMNS)})
        select ${sql.raw(eventValuesFromJson("x.owner"))} from x
        where x.whole and (x.type <> 'identify' or x.ordinality < (select coalesce(min(y.ordinality), 9223372036854775807) from x y where y.type = 'identify' and not y.whole))
        order by x.ordinality
        ${sql.raw(EVENT_ON_CONFLICT)}
        returning id, message_id, profile_id, "timestamp", type, case when definition_id is null then null else properties end as properties),
      traits as (select ins.profile_id as id,
          jsonb_object_agg(t.key, t.value order by x.ordinality) filter (where t.key is not null) as traits,
          jsonb_object_agg('tz', x.tz order by x.ordinality) filter (where x.tz is not null) ->> 'tz' as timezone
        from ins join x on x."messageId" = ins.message_id left join lateral jsonb_each(x.properties) t on true
        where ins.type = 'identify' group by ins.profile_id order by ins.profile_id),
      touched as (${touchProfiles(now, "traits")})
      select ins.id, ins.message_id as "messageId", ins.profile_id as "profileId", ins."timestamp", ins.properties,
        ins.type = 'identify' as applied, exists (select 1 from touched where touched.id = ins.profile_id) as touched
      from ins`,
  ];
}
