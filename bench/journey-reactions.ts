import os from "node:os";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { workspaces } from "@/db/schema";
import { createAudience } from "@/server/audiences/manage-audiences";
import { cliActor } from "@/server/audit/actor";
import { waitPerProfileForBaseline } from "@/server/journeys/cohorts/enter-waits";
import { stopJourney } from "@/server/journeys/control-journey";
import { createJourney } from "@/server/journeys/manage-journeys";
import { publishJourney } from "@/server/journeys/publish-journey";
import { recordMessageEvent } from "@/server/messaging/message-events";
import { ShiftableClock } from "@/server/workflows/embedded/clock";
import { createAppExecutor } from "@/server/workflows/embedded/start-embedded";
import { resetStatementStats, rssSampler, waitFor } from "./journey-tools";
import { openBenchDatabase, type TBenchDatabase } from "./workflows/bench-database";
import { measureCpu, percentile, round } from "./workflows/cpu-meter";

const PROFILES = Number(process.env.BENCH_PROFILES ?? 100_000);
const SMALL = Number(process.env.BENCH_SMALL_PROFILES ?? 1_000);
const OPEN_RATE = Number(process.env.BENCH_OPEN_RATE ?? 500);
const OPEN_SECONDS = Number(process.env.BENCH_OPEN_SECONDS ?? 10);
const MINUTES_30 = 1_800_000;

const email = (subject: string) => ({ kind: "email", content: { subject, html: `<p>${subject} {{ profile.firstName }}</p>` } });
const at = (id: string, type: string, data: Record<string, unknown>, y: number) => ({ id, type, data, position: { x: 0, y } });
/** email -> opened within a day? -> "thanks" email, else (the timeout) a "follow" email. */
const reactionJourney = (audienceId: string) =>
  ({
    nodes: [
      at("entry", "entry_audience", { audienceId }, 0), at("first", "message", email("First"), 1),
      at("react", "reaction", { messageNodeId: "first", reaction: "opened", timeout: { amount: 1, unit: "days" } }, 2),
      at("thanks", "message", email("Thanks"), 3), at("follow", "message", email("Follow"), 3), at("x1", "exit", {}, 4), at("x2", "exit", {}, 4),
    ],
    edges: [["entry", "first", "next"], ["first", "react", "next"], ["react", "thanks", "reacted"], ["react", "follow", "timeout"], ["thanks", "x1", "next"], ["follow", "x2", "next"]].map(([source, target, sourceHandle]) => ({ id: `${source}-${target}`, source: source!, sourceHandle: sourceHandle!, target: target! })),
  }) as never;

type TBench = { database: TBenchDatabase; workspaceId: string };
const countOf = async (b: TBench, q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await b.database.db.execute(q))[0]?.n ?? 0);
const messagesAt = (b: TBench, journeyId: string, step: string) => countOf(b, sql`select count(*)::int as n from messages where source_id = ${journeyId} and step_id = ${step}`);

/** `profiles` of `audienceId` enter and wait for an open; returns the journey and how long until all wait. */
async function enterAndWait(b: TBench, audienceId: string, profiles: number, perProfile: boolean) {
  waitPerProfileForBaseline(perProfile);
  console.error(`[journey-reactions] ${profiles} profiles enter${perProfile ? " (a run each)" : ""}`);
  const journey = await createJourney(b.workspaceId, { name: perProfile ? "Reaction per profile" : `Reaction rows ${profiles}` }, cliActor, { graph: reactionJourney(audienceId), settings: { entryRatePerSecond: 20_000 } });
  const t = performance.now();
  await publishJourney(b.workspaceId, journey.id, cliActor);
  await waitFor(() => countOf(b, sql`select count(*)::int as n from journey_enrollments where journey_id = ${journey.id} and current_node_id = 'react'`), profiles, MINUTES_30);
  // Per profile: the runs must be at their waitForEvent before the opens come.
  if (perProfile) await waitFor(() => countOf(b, sql`select count(*)::int as n from wf_waits w join wf_runs r on r.id = w.run_id where w.resolved_at is null and r.event -> 'data' ->> 'journeyId' = ${journey.id}`), profiles, MINUTES_30);
  waitPerProfileForBaseline(false);
  return { journeyId: journey.id, allWaitingSeconds: round((performance.now() - t) / 1000, 1) };
}

/** Opens of `opens` random first messages at OPEN_RATE/s; latency from each open to its profile's "thanks" message. */
async function measureOpens(b: TBench, journeyId: string, opens: number) {
  const waiting = await countOf(b, sql`select count(*)::int as n from journey_enrollments where current_node_id = 'react' and status = 'active'`);
  const picked = rowsOf<{ id: string; profile_id: string }>(await b.database.db.execute(sql`select id, profile_id from messages where source_id = ${journeyId} and step_id = 'first' order by random() limit ${opens}`));
  const openedAt = new Map<string, number>();
  console.error(`[journey-reactions] ${opens} opens at ${OPEN_RATE}/s with ${waiting} waiting`);
  const cpu = await measureCpu(b.database, async () => {
    const t0 = performance.now();
    const calls: Promise<unknown>[] = [];
    for (const [i, m] of picked.entries()) {
      const wait = t0 + (i * 1000) / OPEN_RATE - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      openedAt.set(m.profile_id, Date.now());
      calls.push(recordMessageEvent(m.id, "opened"));
    }
    await Promise.all(calls);
    await waitFor(() => messagesAt(b, journeyId, "thanks"), picked.length, 600_000);
  });
  const thanks = rowsOf<{ profile_id: string; created_at: string | Date }>(await b.database.db.execute(sql`select profile_id, created_at from messages where source_id = ${journeyId} and step_id = 'thanks'`));
  const latencies = thanks.filter((m) => openedAt.has(m.profile_id)).map((m) => new Date(m.created_at).getTime() - openedAt.get(m.profile_id)!);
  return {
    waiting,
    opens: picked.length,
    thanked: latencies.length,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: percentile(latencies, 100),
    nodeCpuMsPerOpen: round((cpu.node_cpu_s * 1000) / picked.length, 2),
    pgCpuMsPerOpen: round((cpu.pg_cpu_s * 1000) / picked.length, 2),
    ...cpu,
    load1m: round(os.loadavg()[0]!, 2),
  };
}

/**
 * Profiles waiting for an open with a 1-day timeout, on PostgreSQL through the embedded
 * executor running in real time: opens at OPEN_RATE/s while SMALL, then PROFILES + SMALL
 * wait (and, as the baseline, SMALL in a journey.run per profile); then the clock moves a day
 * and the rest go down the timeout path.
 */
export async function run() {
  const database = await openBenchDatabase(24);
  const db = database.db;
  const clock = new ShiftableClock();
  const executor = await createAppExecutor({ clock });
  try {
    const [ws] = await db.insert(workspaces).values({ name: "Bench", slug: `bench-${Date.now()}` }).returning();
    const b: TBench = { database, workspaceId: ws!.id };
    await db.execute(sql`insert into workspace_settings (workspace_id, approval_required) values (${b.workspaceId}, false)`);
    await db.execute(sql`insert into profiles (workspace_id, attributes) select ${b.workspaceId}, jsonb_build_object('firstName', 'P' || g) from generate_series(1, ${PROFILES + 2 * SMALL}) g`);
    await db.execute(sql`insert into profile_identities (workspace_id, namespace, value, profile_id) select workspace_id, 'email', 'p' || id || '@example.com', id from profiles where workspace_id = ${b.workspaceId}`);
    const lists: string[] = [];
    for (const [name, offset, limit] of [["Baseline", 0, SMALL], ["Small", SMALL, SMALL], ["Large", 2 * SMALL, PROFILES]] as const) {
      const list = (await createAudience(b.workspaceId, { kind: "list", name }, cliActor)).id;
      await db.execute(sql`insert into audience_members (audience_id, profile_id, workspace_id) select ${list}, id, workspace_id from (select id, workspace_id from profiles where workspace_id = ${b.workspaceId} order by id offset ${offset} limit ${limit}) p`);
      lists.push(list);
    }
    await db.execute(sql`analyze`);
    executor.start();
    const rss = rssSampler();

    const baselineJourney = await enterAndWait(b, lists[0]!, SMALL, true);
    const baseline = { ...baselineJourney, ...(await measureOpens(b, baselineJourney.journeyId, Math.min(OPEN_RATE, SMALL / 2))) };
    await stopJourney(b.workspaceId, baselineJourney.journeyId, cliActor);
    const smallJourney = await enterAndWait(b, lists[1]!, SMALL, false);
    const small = { ...smallJourney, ...(await measureOpens(b, smallJourney.journeyId, Math.min(OPEN_RATE, SMALL / 2))) };
    const largeJourney = await enterAndWait(b, lists[2]!, PROFILES, false);
    await db.execute(sql`analyze`); // as autovacuum would have, with this many rows new
    const large = { ...largeJourney, ...(await measureOpens(b, largeJourney.journeyId, OPEN_RATE * OPEN_SECONDS)) };
    await stopJourney(b.workspaceId, smallJourney.journeyId, cliActor);

    // A day later: the rest of the large journey goes down the timeout path (its journey.cohort runs).
    const rest = await countOf(b, sql`select count(*)::int as n from journey_waits where journey_id = ${largeJourney.journeyId}`);
    const loadBefore = round(os.loadavg()[0]!, 2);
    console.error(`[journey-reactions] a day later: ${rest} time out`);
    await resetStatementStats(db);
    clock.shift("25h");
    // Polled through the few cohort rows: a count of the messages (a scan of 300,000 rows, five
    // times a second) took a tenth of a core from the PostgreSQL being measured.
    const timeoutCohorts = await countOf(b, sql`select count(*)::int as n from journey_cohorts where journey_id = ${largeJourney.journeyId} and kind = 'timeout'`);
    const wake = await measureCpu(database, async () => {
      await waitFor(() => countOf(b, sql`select count(*)::int as n from journey_cohorts where journey_id = ${largeJourney.journeyId} and kind = 'timeout' and status = 'done'`), timeoutCohorts, MINUTES_30);
    });
    const followed = await messagesAt(b, largeJourney.journeyId, "follow");
    const runs = async (journeyId: string, fn: string) => countOf(b, sql`select count(*)::int as n from wf_runs where fn_id like ${`%${fn}`} and event -> 'data' ->> 'journeyId' = ${journeyId}`);
    return {
      baselinePerProfileRuns: baseline,
      rowsWithSmallWaiting: small,
      rowsWithLargeWaiting: large,
      timeout: {
        waiting: rest,
        followEmails: followed,
        seconds: round(wake.wall_s, 1),
        profilesPerSecond: Math.round(followed / wake.wall_s),
        nodeCpuMsPerProfile: round((wake.node_cpu_s * 1000) / followed, 3),
        pgCpuMsPerProfile: round((wake.pg_cpu_s * 1000) / followed, 3),
        durableRuns: { "journey.run": await runs(largeJourney.journeyId, "journey.run"), "journey.cohort": await runs(largeJourney.journeyId, "journey.cohort") },
        ...wake,
        load1m: { before: loadBefore, after: round(os.loadavg()[0]!, 2) },
      },
      peakRssMb: rss.stop(),
      goals: { openP99Ms: 1000, openRate: OPEN_RATE, timeoutProfilesPerSecond: 5_000 },
    };
  } finally {
    await executor.stop();
    await database.close();
  }
}
