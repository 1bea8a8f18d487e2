import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { cliActor } from "@/server/audit/actor";
import { createDefinition } from "@/server/events/manage-definitions";
import { edge, email, node } from "@/server/journeys/testing/engine-harness";
import { callerFor } from "@/test/fixtures";
import { createAppExecutor } from "../embedded/start-embedded";
import { killAll, spawnChild } from "./testing/processes";
import { executionOf, sendFixture, sentCounts } from "./testing/send-fixture";

// Two web processes (PARCOURS_EXECUTOR=off: the app's start-up path without Next.js, whose
// `next start` would cost two production builds' time here) and two `npm run worker`
// processes on one PostgreSQL database. A 20,000-recipient campaign and a journey with a
// wait run while the worker sending the campaign is killed with SIGKILL.
const url = process.env.PARCOURS_TEST_DATABASE_URL;
const RECIPIENTS = 20_000;
const ENTRANTS = 500;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
afterAll(killAll);

async function lockHolders() {
  const db = await getDb();
  return rowsOf<{ locked_by: string; fn_id: string; open: boolean }>(await db.execute(sql`select distinct locked_by, fn_id, done_at is null as open from wf_jobs where locked_by is not null`));
}

/** Signed Up -> Welcome -> wait until `waitMs` from now -> Later -> exit. */
async function publishJourney(f: Awaited<ReturnType<typeof sendFixture>>, waitMs: number) {
  const signedUp = (await createDefinition(f.ws, { name: "Signed up", trackName: "Signed Up" }, cliActor)).id;
  const manager = callerFor(f.team.users.manager);
  const journey = await manager.journeys.create({ workspaceId: f.ws, name: "Welcome" });
  const graph = {
    nodes: [node("entry", "entry_event", { definitionId: signedUp }), node("welcome", "message", email("Welcome")), node("wait", "wait", { mode: "until", at: new Date(Date.now() + waitMs).toISOString() }), node("later", "message", email("Later")), node("x", "exit")],
    edges: [edge("entry", "welcome"), edge("welcome", "wait"), edge("wait", "later"), edge("later", "x")],
  };
  await manager.journeys.saveDraft({ workspaceId: f.ws, journeyId: journey.id, revision: journey.revision, graph, settings: { reEntry: { mode: "never" }, exitEventDefinitionIds: [], entryRatePerSecond: 1000 } });
  await manager.journeys.publish({ workspaceId: f.ws, journeyId: journey.id });
  return journey;
}

// PostgreSQL only: PGlite is one process's database.
describe.runIf(url)("two web processes and two workers on one PostgreSQL", () => {
  it("send a 20,000-recipient campaign and a journey with a wait exactly once although a worker is SIGKILLed mid-send", async () => {
    const t0 = Date.now();
    const f = await sendFixture(RECIPIENTS, 2_000);
    await createAppExecutor(); // this process publishes (journey events) and runs nothing, as PARCOURS_EXECUTOR=off
    const setupMs = Date.now() - t0;

    const workerEnv = { PARCOURS_SENDING_LEASE_MS: "6000" };
    const workers = [spawnChild("worker", url!, workerEnv), spawnChild("worker", url!, workerEnv)];
    const webs = [spawnChild("web", url!), spawnChild("web", url!)];
    await Promise.all([...workers.map((w) => w.line((l) => l.includes(" running "))), ...webs.map((w) => w.line((l) => l === "ready"))]);
    const t1 = Date.now();
    const journey = await publishJourney(f, 25_000); // its wait ends after the kill below, before the campaign does
    webs[0]!.send({ op: "activate", workspaceId: f.ws, campaignId: f.campaignId, user: f.team.users.manager });
    const calls = Array.from({ length: ENTRANTS }, (_, i) => ({ type: "track", userId: `p${i + 1}`, event: "Signed Up", messageId: `signup-${i + 1}` }));
    webs[1]!.send({ op: "batch", writeKey: f.writeKey, calls });
    await Promise.all([webs[0]!.line((l) => l === "done 1"), webs[1]!.line((l) => l === `done ${ENTRANTS}`)]);

    // The worker holding the campaign's run, killed a quarter of the way.
    let victim: (typeof workers)[number] | undefined;
    for (let execution = await executionOf(f.campaignId); !victim; execution = await executionOf(f.campaignId)) {
      if (Date.now() - t1 > 60_000) throw new Error(`the campaign did not reach a quarter: ${JSON.stringify(execution)}`);
      const holder = (await lockHolders()).find((h) => h.open && h.fn_id === "parcours-campaign.execution")?.locked_by;
      if ((execution?.processed ?? 0) >= RECIPIENTS / 4 && holder) victim = workers.find((w) => holder.endsWith(`-${w.proc.pid}`));
      else await pause(100);
    }
    const killedAtProcessed = (await executionOf(f.campaignId))!.processed;
    victim.proc.kill("SIGKILL");
    const tKill = Date.now();
    const execution = (await executionOf(f.campaignId))!;
    const done = async () =>
      (await executionOf(f.campaignId))!.status === "completed" && (await sentCounts(f.ws, "journey", journey.id)).pairs === 2 * ENTRANTS;
    while (!(await done()) && Date.now() - tKill < 75_000) await pause(250);
    const tDone = Date.now();

    expect(await sentCounts(f.ws, "campaign", execution.id)).toEqual({ messages: RECIPIENTS, pairs: RECIPIENTS, duplicated: 0, sending: 0 });
    expect(await sentCounts(f.ws, "journey", journey.id)).toEqual({ messages: 2 * ENTRANTS, pairs: 2 * ENTRANTS, duplicated: 0, sending: 0 });
    const [later] = rowsOf<{ first: string }>(await (await getDb()).execute(sql`select min(created_at) as first from messages where source_id = ${journey.id} and step_id = 'later'`));
    expect(new Date(later!.first).getTime()).toBeGreaterThan(tKill); // the wait outlived the killed worker
    // Only workers ever claimed a job: web processes' executors are not started.
    const workerIds = new Set((await lockHolders()).map((h) => h.locked_by));
    expect([...workerIds].every((id) => workers.some((w) => id.endsWith(`-${w.proc.pid}`)))).toBe(true);
    expect(webs.every((w) => w.proc.exitCode === null)).toBe(true);
    for (const child of [...webs, ...workers.filter((w) => w !== victim)]) child.proc.kill("SIGTERM");
    expect(await Promise.all([...webs, ...workers.filter((w) => w !== victim)].map((c) => c.exited))).toEqual([0, 0, 0]);
    console.log(
      `[multi-process] setup ${setupMs} ms, processes ready in ${t1 - t0 - setupMs} ms, killed at ${killedAtProcessed}/${RECIPIENTS} ${tKill - t1} ms after activation, ` +
        `all sent ${tDone - tKill} ms after the kill (${tDone - t1} ms after activation)`,
    );
  }, 170_000);
});
