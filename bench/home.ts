import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { closeDb, getDb, migrateDb, openPostgres, setDbHandle } from "@/db/client";
import { users } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { homeOverview } from "@/server/home/home-overview";
import { foldMessageStats, messageStats } from "@/server/home/message-rollups";
import { createWorkspace } from "@/server/workspaces/create-workspace";
import { databaseUrlFor } from "@/test/database-url";

const MESSAGES = Number(process.env.BENCH_HOME_MESSAGES ?? 1_000_000);
const PROFILES = 10_000;
const CHUNK = 20_000; // messages per insert statement (a campaign writes groups of 500: more statements, same rows)
const ROUNDS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
async function ms(fn: () => Promise<unknown>) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Messages over 90 days on three channels, with their history: sent, delivered (95%), opened (30%), clicked (8%), unsubscribed (0.5%). */
async function insertHistory(workspaceId: string, from: number, to: number, recent = false) {
  const db = await getDb();
  await db.execute(sql`
    with p as (select array_agg(id) as ids from profiles where workspace_id = ${workspaceId}::uuid),
    m as (
      insert into messages (workspace_id, profile_id, plugin_id, kind, source_type, idempotency_key, status, created_at, updated_at)
      select ${workspaceId}::uuid, p.ids[1 + abs(i) % ${PROFILES}],
        'dev-inbox', (array['email', 'email', 'push', 'sms'])[1 + abs(i) % 4], 'campaign', 'bench-' || i, 'delivered',
        case when ${recent} then now() else now() - ((abs(i) % 90) || ' days')::interval end, now()
      from p, generate_series(${from}::int, ${to - 1}::int) i
      returning id, created_at, idempotency_key)
    insert into message_events (message_id, workspace_id, type, at)
    select m.id, ${workspaceId}::uuid, t.type, case when ${recent} then m.created_at else m.created_at + t.after end
    from m cross join lateral (values ('sent', interval '0'), ('delivered', interval '1 second'), ('opened', interval '1 hour'), ('clicked', interval '2 hours'), ('unsubscribed', interval '3 hours')) t(type, after)
    where case t.type when 'sent' then true when 'delivered' then abs(hashtext(m.idempotency_key)) % 100 < 95
      when 'opened' then abs(hashtext(m.idempotency_key)) % 100 < 30 when 'clicked' then abs(hashtext(m.idempotency_key)) % 100 < 8
      else abs(hashtext(m.idempotency_key)) % 1000 < 5 end`);
}

/** What the home page would cost without the rollup: messages by channel and status, and unique opens, over 30 days, scanned. */
async function naiveScan(workspaceId: string) {
  const db = await getDb();
  await db.execute(sql`select m.kind, m.status, count(*), count(*) filter (where exists (select 1 from message_events e where e.message_id = m.id and e.type = 'opened'))
    from messages m where m.workspace_id = ${workspaceId}::uuid and m.created_at > now() - interval '30 days' group by 1, 2`);
}

/**
 * The home page on PostgreSQL with 10,000 profiles and BENCH_HOME_MESSAGES messages (and their
 * events) over 90 days: the first fold (the whole history), a fold after 10% more messages, the
 * page's queries, against scanning the messages. Own database, dropped at the end.
 */
export async function run() {
  const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `bench_home_${randomBytes(4).toString("hex")}`;
  const admin = await openPostgres(databaseUrlFor(url, "postgres"));
  const adminSql = (admin.db as unknown as { $client: import("postgres").Sql }).$client;
  await adminSql.unsafe(`CREATE DATABASE ${name}`);
  const handle = await openPostgres(databaseUrlFor(url, name));
  const figures: Record<string, unknown> = { messages: MESSAGES, profiles: PROFILES };
  try {
    await migrateDb(handle);
    setDbHandle(handle);
    const db = await getDb();
    const [owner] = await db.insert(users).values({ email: "bench@example.com", name: "bench" }).returning({ id: users.id });
    const ws = await createWorkspace({ name: "Bench home" }, { userId: owner!.id, actor: cliActor });
    await db.execute(sql`insert into profiles (workspace_id, attributes) select ${ws.id}::uuid, jsonb_build_object('n', i) from generate_series(1, ${PROFILES}) i`);
    const t = performance.now();
    for (let i = 0; i < MESSAGES; i += CHUNK) await insertHistory(ws.id, i, Math.min(MESSAGES, i + CHUNK));
    figures.seedSeconds = +((performance.now() - t) / 1000).toFixed(1);
    await db.execute(sql`analyze`);
    // The first page view folds the whole history (the worst case); the next ones only what came since.
    figures.firstFoldMs = Math.round(await ms(() => foldMessageStats(ws.id)));
    // A send of 10% more, now: its events are stamped now. Within a minute they are counted live
    // (the page's worst case), then folded once they are a minute old.
    const more = MESSAGES / 10;
    await insertHistory(ws.id, MESSAGES, MESSAGES + more, true);
    figures.liveTailMs = { messages: more, ms: Math.round(await ms(() => messageStats(ws.id, 30))) };
    await new Promise((r) => setTimeout(r, 65_000));
    figures.foldAfterMoreMessages = { messages: more, ms: Math.round(await ms(() => foldMessageStats(ws.id))) };
    const page: number[] = [];
    const stats: number[] = [];
    const naive: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      page.push(await ms(() => homeOverview({ id: ws.id, slug: "bench" }, "admin", 90)));
      stats.push(await ms(() => messageStats(ws.id, 30)));
      naive.push(await ms(() => naiveScan(ws.id)));
    }
    figures.homePageMs = Math.round(median(page));
    figures.messageStats30dMs = +median(stats).toFixed(1);
    figures.naiveScan30dMs = Math.round(median(naive));
    const check = await messageStats(ws.id, 90);
    figures.sentIn90Days = check.totals.sent;
  } finally {
    await closeDb();
    await adminSql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
  return figures;
}
