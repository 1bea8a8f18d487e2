import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { edge, node } from "@/server/journeys/testing/engine-harness";
import { createAppExecutor } from "@/server/workflows/embedded/start-embedded";
import { killAll, spawnChild } from "@/server/workflows/worker/testing/processes";
import { sendFixture, sentCounts } from "@/server/workflows/worker/testing/send-fixture";
import { callerFor } from "@/test/fixtures";

// Two `npm run worker` processes on one PostgreSQL database (PGlite is one process's
// database): a 20,000-profile cohort is being taken on when the worker holding its run is
// SIGKILLed; the other worker takes the run over once its lease ends.
const url = process.env.PARCOURS_TEST_DATABASE_URL;
const PROFILES = 20_000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
afterAll(killAll);

async function counts(journeyId: string) {
  const db = await getDb();
  const [row] = rowsOf<{ second: number; completed: number; steps: number; open_steps: number; runs: number; cohort_runs: number }>(
    await db.execute(sql`select
      (select count(*)::int from messages where source_id = ${journeyId} and step_id = 'second') as second,
      (select count(*)::int from journey_enrollments where journey_id = ${journeyId} and status = 'completed') as completed,
      (select count(*)::int from journey_steps where journey_id = ${journeyId}) as steps,
      (select count(*)::int from journey_steps where journey_id = ${journeyId} and finished_at is null) as open_steps,
      (select count(*)::int from wf_runs where fn_id like '%journey.run' and event -> 'data' ->> 'journeyId' = ${journeyId}) as runs,
      (select count(*)::int from wf_runs where fn_id like '%journey.cohort' and event -> 'data' ->> 'journeyId' = ${journeyId}) as cohort_runs`),
  );
  return row!;
}

describe.runIf(url)("a cohort survives the worker taking it on being killed", () => {
  it("restarted elsewhere, every profile takes each step once and none is left behind", async () => {
    const f = await sendFixture(PROFILES, 5_000);
    await createAppExecutor(); // this process publishes and runs nothing
    const workers = [spawnChild("worker", url!, { PARCOURS_SENDING_LEASE_MS: "6000" }), spawnChild("worker", url!, { PARCOURS_SENDING_LEASE_MS: "6000" })];
    await Promise.all(workers.map((w) => w.line((l) => l.includes(" running "))));
    const db = await getDb();
    const [audience] = rowsOf<{ id: string }>(await db.execute(sql`select id from audiences where workspace_id = ${f.ws} and name = 'Everyone'`));
    const message = (subject: string) => ({ kind: "email", configurationId: f.configurationId, content: { subject, html: `<p>${subject} {{ profile.firstName }}</p>` } });
    const manager = callerFor(f.team.users.manager);
    const journey = await manager.journeys.create({ workspaceId: f.ws, name: "Cohort crash" });
    const graph = {
      nodes: [node("entry", "entry_audience", { audienceId: audience!.id }), node("first", "message", message("First")), node("wait", "wait", { mode: "duration", duration: { amount: 1, unit: "minutes" } }), node("second", "message", message("Second")), node("x", "exit")],
      edges: [edge("entry", "first"), edge("first", "wait"), edge("wait", "second"), edge("second", "x")],
    };
    await manager.journeys.saveDraft({ workspaceId: f.ws, journeyId: journey.id, revision: journey.revision, graph, settings: { reEntry: { mode: "never" }, exitEventDefinitionIds: [], entryRatePerSecond: 20_000 } });
    await manager.journeys.publish({ workspaceId: f.ws, journeyId: journey.id });

    // The worker holding the cohort's run, killed a fifth of the way through the second emails.
    let victim: (typeof workers)[number] | undefined;
    const t0 = Date.now();
    while (!victim) {
      if (Date.now() - t0 > 200_000) throw new Error(`the cohort did not reach a fifth: ${JSON.stringify(await counts(journey.id))}`);
      const [holder] = rowsOf<{ locked_by: string }>(await db.execute(sql`select locked_by from wf_jobs where done_at is null and locked_by is not null and fn_id like '%journey.cohort'`));
      if ((await counts(journey.id)).second >= PROFILES / 5 && holder) victim = workers.find((w) => holder.locked_by.endsWith(`-${w.proc.pid}`));
      else await pause(50);
    }
    victim.proc.kill("SIGKILL");
    const atKill = await counts(journey.id);
    expect(atKill.second).toBeLessThan(PROFILES);
    const tKill = Date.now();
    while ((await counts(journey.id)).completed < PROFILES && Date.now() - tKill < 90_000) await pause(250);

    expect(await sentCounts(f.ws, "journey", journey.id)).toEqual({ messages: 2 * PROFILES, pairs: 2 * PROFILES, duplicated: 0, sending: 0 });
    const done = await counts(journey.id);
    expect(done).toMatchObject({ second: PROFILES, completed: PROFILES, steps: 5 * PROFILES, open_steps: 0, runs: 0 });
    expect(done.cohort_runs).toBeLessThanOrEqual(PROFILES / 500);
    const survivor = workers.find((w) => w !== victim)!;
    survivor.proc.kill("SIGTERM");
    expect(await survivor.exited).toBe(0);
    console.log(`[cohort-crash] killed at ${atKill.second}/${PROFILES} second emails, all completed ${Date.now() - tKill} ms after the kill`);
  }, 360_000);
});
