import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { eventDefinitions, workspaces } from "@/db/schema";
import { createAudience } from "@/server/audiences/manage-audiences";
import { cliActor } from "@/server/audit/actor";
import { ingestCalls } from "@/server/ingestion/ingest-calls";
import { audienceEntryOf, enterAudiencePage } from "@/server/journeys/audience-entry";
import { createJourney } from "@/server/journeys/manage-journeys";
import { publishJourney } from "@/server/journeys/publish-journey";
import { ShiftableClock, VirtualClock } from "@/server/workflows/embedded/clock";
import { createAppExecutor } from "@/server/workflows/embedded/start-embedded";
import { waitFor } from "./journey-tools";
import { measureWait } from "./journey-wait";
import { openBenchDatabase } from "./workflows/bench-database";

const PROFILES = Number(process.env.BENCH_PROFILES ?? process.env.BENCH_JOURNEY_PROFILES ?? 100_000);
const BASELINE_PROFILES = Number(process.env.BENCH_BASELINE_PROFILES ?? 2_000);
const READ_ONLY_PROFILES = Number(process.env.BENCH_JOURNEY_READ_PROFILES ?? 100_000);
const EVENT_RATE = Number(process.env.BENCH_JOURNEY_EVENT_RATE ?? 50);
const EVENT_SECONDS = Number(process.env.BENCH_JOURNEY_EVENT_SECONDS ?? 10);
const email = (subject: string) => ({ kind: "email", content: { subject, html: `<p>${subject} {{ profile.firstName }}</p>` } });
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

const twoEmails = (entry: Record<string, unknown>) => ({
  nodes: [
    { id: "entry", ...entry, position: { x: 0, y: 0 } },
    { id: "first", type: "message", position: { x: 0, y: 1 }, data: email("First") },
    { id: "wait", type: "wait", position: { x: 0, y: 2 }, data: { mode: "duration", duration: { amount: 1, unit: "days" } } },
    { id: "second", type: "message", position: { x: 0, y: 3 }, data: email("Second") },
    { id: "x", type: "exit", position: { x: 0, y: 4 }, data: {} },
  ],
  edges: [["entry", "first"], ["first", "wait"], ["wait", "second"], ["second", "x"]].map(([source, target]) => ({ id: `${source}-${target}`, source: source!, sourceHandle: "next", target: target! })),
}) as never;

/** Journeys on PostgreSQL through the embedded executor: audience entry, waits, and event entries. */
export async function run() {
  const database = await openBenchDatabase(24);
  const db = database.db;
  try {
    const [ws] = await db.insert(workspaces).values({ name: "Bench", slug: `bench-${Date.now()}` }).returning();
    const wsId = ws!.id;
    await db.execute(sql`insert into workspace_settings (workspace_id, approval_required) values (${wsId}, false)`);
    const total = Math.max(PROFILES + BASELINE_PROFILES, READ_ONLY_PROFILES);
    await db.execute(sql`insert into profiles (workspace_id, attributes) select ${wsId}, jsonb_build_object('firstName', 'P' || g) from generate_series(1, ${total}) g`);
    await db.execute(sql`insert into profile_identities (workspace_id, namespace, value, profile_id) select workspace_id, 'email', 'p' || id || '@example.com', id from profiles where workspace_id = ${wsId}`);
    await db.execute(sql`insert into profile_identities (workspace_id, namespace, value, profile_id) select workspace_id, 'external_id', 'u-' || id, id from profiles where workspace_id = ${wsId}`);
    const all = (await createAudience(wsId, { kind: "list", name: "All" }, cliActor)).id;
    const some = (await createAudience(wsId, { kind: "list", name: "Some" }, cliActor)).id;
    const base = (await createAudience(wsId, { kind: "list", name: "Baseline" }, cliActor)).id;
    await db.execute(sql`insert into audience_members (audience_id, profile_id, workspace_id) select ${all}, id, workspace_id from profiles where workspace_id = ${wsId}`);
    await db.execute(sql`insert into audience_members (audience_id, profile_id, workspace_id) select ${some}, id, workspace_id from (select id, workspace_id from profiles where workspace_id = ${wsId} order by id limit ${PROFILES}) p`);
    await db.execute(sql`insert into audience_members (audience_id, profile_id, workspace_id) select ${base}, id, workspace_id from (select id, workspace_id from profiles where workspace_id = ${wsId} order by id offset ${PROFILES} limit ${BASELINE_PROFILES}) p`);
    await db.execute(sql`analyze`); // as a live database's autovacuum would have: without it a 500-profile recipients query took 706 ms, not 3 ms

    // 1. The read alone: enrollments for a 100k audience, page by page, no executor (its start events are not sent).
    const reader = await createJourney(wsId, { name: "Read only" }, cliActor, { graph: twoEmails({ type: "entry_audience", data: { audienceId: all } }), settings: { entryRatePerSecond: 20_000 } });
    const readVersion = await publishJourney(wsId, reader.id, cliActor);
    let t = performance.now();
    let after: string | null = null;
    let read = 0;
    for (;;) {
      const page = await enterAudiencePage(readVersion.versionId, after, (await audienceEntryOf(readVersion.versionId))!.ratePerSecond);
      read += page.read;
      if (page.done || !page.last) break;
      after = page.last;
    }
    const readSeconds = (performance.now() - t) / 1000;

    // 2. "email -> wait 1 day -> email": today's path with a journey.run per profile at the
    // wait (the baseline, at BASELINE profiles), then cohorts at PROFILES; a day later, the second emails.
    const clock = new VirtualClock(new Date());
    const executor = await createAppExecutor({ clock });
    const count = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await db.execute(q))[0]?.n ?? 0);
    const bench = { database, executor, clock, workspaceId: wsId, graph: (audienceId: string) => twoEmails({ type: "entry_audience", data: { audienceId } }) };
    const baseline = await measureWait(bench, base, BASELINE_PROFILES, true);
    const cohorts = await measureWait(bench, some, PROFILES, false);

    // 3. Event entries: track calls at EVENT_RATE/s; latency from the call to its first message.
    const signup = await db.insert(eventDefinitions).values({ workspaceId: wsId, name: "signup", trackName: "Signed Up" }).returning();
    const eventJourney = await createJourney(wsId, { name: "On signup" }, cliActor, { graph: twoEmails({ type: "entry_event", data: { definitionId: signup[0]!.id } }) });
    await publishJourney(wsId, eventJourney.id, cliActor);
    // Live traffic needs a clock that runs (batches of events close on time): real time, shifted to where the virtual one is.
    const live = new ShiftableClock();
    live.shift(Math.max(0, clock.now().getTime() - Date.now()));
    const liveExecutor = await createAppExecutor({ clock: live });
    liveExecutor.start();
    const sentAt = new Map<string, number>();
    const users = rowsOf<{ value: string }>(await db.execute(sql`select value from profile_identities where workspace_id = ${wsId} and namespace = 'external_id' order by value limit ${EVENT_RATE * EVENT_SECONDS}`)).map((r) => r.value);
    t = performance.now();
    for (let i = 0; i < users.length; i++) {
      const due = t + (i * 1000) / EVENT_RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      sentAt.set(users[i]!, Date.now());
      void ingestCalls(wsId, [{ type: "track", userId: users[i]!, event: "Signed Up", properties: {} }]);
    }
    await waitFor(() => count(sql`select count(*)::int as n from messages where source_id = ${eventJourney.id} and step_id = 'first'`), users.length, 600_000);
    await liveExecutor.stop();
    const firsts = rowsOf<{ value: string; created_at: string }>(await db.execute(sql`select i.value, m.created_at from messages m join profile_identities i on i.profile_id = m.profile_id and i.namespace = 'external_id' where m.source_id = ${eventJourney.id} and m.step_id = 'first'`));
    const latencies = firsts.map((m) => new Date(m.created_at).getTime() - sentAt.get(m.value)!);
    return {
      audienceRead: { profiles: read, seconds: Number(readSeconds.toFixed(2)), profilesPerSecond: Math.round(read / readSeconds), goalPerSecond: 20_000 },
      afterOneDayWait: { baseline, cohorts, goals: { secondEmailsPerSecond: 5_000, durableRunsPer500ProfilesPerWait: 1, peakRssMb: 600 } },
      eventEntry: { rate: EVENT_RATE, events: users.length, firstMessages: latencies.length, p50Ms: pct(latencies, 50), p99Ms: pct(latencies, 99), goalP99Ms: 1000, goalRate: 500 },
    };
  } finally {
    await database.close();
  }
}
