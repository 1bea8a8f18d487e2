import type { Sql } from "postgres";

// Synthetic audience data loaded in SQL (generate_series), indexes built after the load.
export const CITIES = ["Atlanta", "San Francisco", "Seattle", "Paris", "Berlin", "London", "Lagos", "Osaka", "Austin", "Denver", "Toronto", "Madrid"];
export const EVENT_NAMES = ["Viewed Product", "Added to Cart", "Searched", "purchase", "Signed In", "Opened Email", "Clicked Email", "Viewed Product", "Searched", "Viewed Product"];
export const PRODUCTS = ["Shoes", "Hat", "Scarf", "Gloves", "Jacket", "Socks", "Belt", "Bag", "Watch", "Ring"];
const list = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(",")}]`;

/**
 * Profiles: 12 cities uniform (2% without one), birthYear 1950-2009 (2% stored as a string),
 * plan, email, name, signedUpAt, vip. Events: 80% track (10% of them `purchase`), 20% page,
 * timestamps uniform over the last 365 days, 10 per profile on average.
 */
export async function loadAudienceData(sql: Sql, workspaceId: string, profiles: number, events: number) {
  const ws = workspaceId.replace(/[^0-9a-f-]/g, "");
  const t0 = performance.now();
  // Secondary indexes are dropped for the load and rebuilt after (in parallel workers);
  // events is UNLOGGED (this database is thrown away; reads and plans are the same).
  const indexes = await sql<{ name: string; def: string }[]>`select indexname as name, indexdef as def from pg_indexes where tablename in ('profiles', 'events') and indexname not like '%_pkey'`;
  for (const i of indexes) await sql.unsafe(`drop index ${i.name}`);
  // So are the foreign keys (one trigger call per row), re-added and validated after.
  const fks = await sql<{ table: string; name: string; def: string }[]>`select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def from pg_constraint where contype = 'f' and conrelid in ('profiles'::regclass, 'events'::regclass)`;
  for (const f of fks) await sql.unsafe(`alter table ${f.table} drop constraint ${f.name}`);
  await sql.unsafe("alter table events drop constraint events_pkey");
  await sql.unsafe("alter table events set unlogged");
  await sql.unsafe(`
    insert into profiles (workspace_id, attributes)
    select '${ws}', jsonb_strip_nulls(jsonb_build_object(
      'city', case when random() < 0.02 then null else (${list(CITIES)})[1 + floor(random() * ${CITIES.length})::int] end,
      'birthYear', case when random() < 0.02 then to_jsonb((1950 + floor(random() * 60))::int::text) else to_jsonb(1950 + floor(random() * 60)::int) end,
      'plan', (array['free', 'pro', 'enterprise'])[1 + floor(random() * 3)::int],
      'email', 'user' || i || '@example.com',
      'firstName', 'Name' || (i % 5000),
      'signedUpAt', to_char(now() - random() * interval '1000 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
      'vip', random() < 0.05))
    from generate_series(1, ${Math.floor(profiles)}) i`);
  const profilesSeconds = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  await sql.unsafe("create table bench_pid as select (row_number() over ())::int as n, id from profiles");
  await sql.unsafe("alter table bench_pid add primary key (n)");
  const chunk = 1_000_000;
  const ranges: [number, number][] = [];
  for (let from = 0; from < events; from += chunk) ranges.push([from + 1, Math.min(events, from + chunk)]);
  // Two connections, one a core.
  await Promise.all(
    [0, 1].map(async () => {
      const conn = await sql.reserve();
      for (let r = ranges.shift(); r; r = ranges.shift()) {
        await conn.unsafe(`
          insert into events (workspace_id, profile_id, type, name, properties, message_id, timestamp, received_at)
          select '${ws}', pid.id, case when g.i % 5 = 0 then 'page' else 'track' end,
            case when g.i % 5 = 0 then '/pricing' else (${list(EVENT_NAMES)})[1 + floor(random() * ${EVENT_NAMES.length})::int] end,
            ('{"product": "' || (${list(PRODUCTS)})[1 + floor(random() * ${PRODUCTS.length})::int] || '", "price": ' || floor(random() * 10000) / 100 || '}')::jsonb,
            'm' || g.i, now() - random() * interval '365 days', now()
          from generate_series(${r[0]}, ${r[1]}) g(i)
          join bench_pid pid on pid.n = 1 + (g.i % ${Math.floor(profiles)})`);
      }
      conn.release();
    }),
  );
  await sql.unsafe("drop table bench_pid");
  const eventsLoadSeconds = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  const conn = await sql.reserve();
  await conn.unsafe("set maintenance_work_mem = '1GB'");
  await conn.unsafe("alter table events add constraint events_pkey primary key (id)");
  for (const i of indexes) await conn.unsafe(i.def);
  for (const f of fks) await conn.unsafe(`alter table ${f.table} add constraint ${f.name} ${f.def}`);
  conn.release();
  const indexSeconds = (performance.now() - t2) / 1000;
  await sql.unsafe("vacuum analyze profiles");
  await sql.unsafe("vacuum analyze events");
  return { profiles_load_s: round(profilesSeconds), events_load_s: round(eventsLoadSeconds), index_build_s: round(indexSeconds) };
}

const round = (x: number) => Number(x.toFixed(1));
