import os from "node:os";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { cliActor } from "@/server/audit/actor";
import { handOnPerProfileForBaseline } from "@/server/journeys/cohorts/hand-on";
import { createJourney } from "@/server/journeys/manage-journeys";
import { publishJourney } from "@/server/journeys/publish-journey";
import type { VirtualClock } from "@/server/workflows/embedded/clock";
import type { EmbeddedExecutor } from "@/server/workflows/embedded/executor";
import { resetStatementStats, rssSampler, transactionsOf, waitFor } from "./journey-tools";
import type { TBenchDatabase } from "./workflows/bench-database";
import { measureCpu, round } from "./workflows/cpu-meter";

export interface TWaitBench {
  database: TBenchDatabase;
  executor: EmbeddedExecutor;
  clock: VirtualClock;
  workspaceId: string;
  /** A journey "email -> wait 1 day -> email" entered by `audienceId`. */
  graph: (audienceId: string) => never;
}

const MINUTES_30 = 1_800_000;

/**
 * `profiles` through "email -> wait 1 day -> email" on the embedded executor: all enter (an
 * audience page a second, 20,000 a page) and wait; the database is analyzed; then the clock
 * moves a day and the second emails are measured. `perProfile`: the path before cohorts (a
 * journey.run per profile at the wait), for the baseline of the same run.
 */
export async function measureWait(b: TWaitBench, audienceId: string, profiles: number, perProfile: boolean) {
  const db = b.database.db;
  const count = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await db.execute(q))[0]?.n ?? 0);
  handOnPerProfileForBaseline(perProfile);
  try {
    const rss = rssSampler();
    const journey = await createJourney(b.workspaceId, { name: perProfile ? "Per profile" : "Cohorts" }, cliActor, { graph: b.graph(audienceId), settings: { entryRatePerSecond: 20_000 } });
    const t = performance.now();
    await publishJourney(b.workspaceId, journey.id, cliActor);
    // The entry paces its pages with a sleep of up to 1 s: the virtual clock moves 1 s at a time.
    const enrolled = () => count(sql`select count(*)::int as n from journey_enrollments where journey_id = ${journey.id}`);
    for (let n = 0; n < profiles && performance.now() - t < MINUTES_30; n = await enrolled()) await b.executor.advance("1s");
    const waiting = await waitFor(() => count(sql`select count(*)::int as n from journey_enrollments where journey_id = ${journey.id} and current_node_id = 'wait'`), profiles, MINUTES_30);
    while ((await b.executor.drain()) > 0);
    const allWaitingSeconds = (performance.now() - t) / 1000;
    await db.execute(sql`analyze`); // as a live database's autovacuum would have by the next day

    const runs = (fn: string) => count(sql`select count(*)::int as n from wf_runs where fn_id like ${`%${fn}`} and event -> 'data' ->> 'journeyId' = ${journey.id}`);
    const loadBefore = os.loadavg()[0]!;
    const transactionsBefore = await transactionsOf(db, true);
    await resetStatementStats(db);
    // Time jumps past the wait: every run (or cohort) due wakes at once.
    b.clock.add("1d");
    b.clock.add("1h");
    const wake = await measureCpu(b.database, async () => {
      while ((await b.executor.drain()) > 0);
    });
    const second = await count(sql`select count(*)::int as n from messages where source_id = ${journey.id} and step_id = 'second'`);
    const wakeTransactions = (await transactionsOf(db, true)) - transactionsBefore;
    return {
      path: perProfile ? "journey.run per profile (before cohorts)" : "cohorts (journey.cohort)",
      profiles,
      waiting,
      allWaitingSeconds: round(allWaitingSeconds, 1),
      durableRuns: { "journey.run": await runs("journey.run"), "journey.cohort": await runs("journey.cohort"), cohorts: await count(sql`select count(*)::int as n from journey_cohorts where journey_id = ${journey.id}`) },
      secondEmails: second,
      secondEmailSeconds: round(wake.wall_s, 1),
      secondEmailsPerSecond: Math.round(second / wake.wall_s),
      nodeCpuMsPerProfile: round((wake.node_cpu_s * 1000) / second, 3),
      pgCpuMsPerProfile: round((wake.pg_cpu_s * 1000) / second, 3),
      transactionsPerProfile: round(wakeTransactions / second, 2),
      peakRssMb: rss.stop(),
      ...wake,
      load1m: { before: round(loadBefore, 2), after: round(os.loadavg()[0]!, 2) },
    };
  } finally {
    handOnPerProfileForBaseline(false);
  }
}
