import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { wfEvents, wfRuns } from "@/db/schema";
import { callerFor, createTeam, trpcCodeOf } from "@/test/fixtures";
import { createTestHarness } from "../embedded/testing/test-executor";

// Workflow runs belong to one workspace or to the instance; a workspace admin sees and
// touches only their own workspace's (docs/security.md, "Workflow runs").

let teamA: Awaited<ReturnType<typeof createTeam>>;
let teamB: Awaited<ReturnType<typeof createTeam>>;
const adminOf = (team: typeof teamA) => callerFor(team.users.admin).runs;

beforeAll(async () => {
  teamA = await createTeam("Runs A");
  teamB = await createTeam("Runs B");
});

describe("workflow runs across workspaces", () => {
  it("a failure handler's run is its failed run's workspace's; the instance's runs are no workspace's", async () => {
    const h = createTestHarness();
    const failing = h.inngest.createFunction(
      { id: "failing", retries: 0, triggers: [{ event: "test/fail" }], onFailure: async () => ({ handled: true }) },
      async () => {
        throw new Error(`secret detail of ${teamA.workspace.id}`);
      },
    );
    const sleepy = h.inngest.createFunction({ id: "sleepy", triggers: [{ event: "test/sleep" }] }, async ({ step }) => {
      await step.sleep("long", "30d");
    });
    const ex = await h.start([failing, sleepy]);
    await ex.send([
      { name: "test/fail", data: { workspaceId: teamA.workspace.id } },
      { name: "test/sleep", data: { workspaceId: teamA.workspace.id } },
      { name: "test/sleep", data: {} }, // the instance's: no workspace asked for it
    ]);
    await ex.drain();

    const failed = await h.onlyRun("failing");
    const handler = await h.onlyRun("failing-failure");
    const sleeping = await h.runsOf("sleepy"); // one start time: in no particular order
    const sleepingA = sleeping.find((r) => (r.event.data as { workspaceId?: string }).workspaceId === teamA.workspace.id);
    const sleepingInstance = sleeping.find((r) => r !== sleepingA);
    expect([failed.status, handler.status]).toEqual(["failed", "completed"]);
    expect([failed.workspaceId, handler.workspaceId, sleepingA!.workspaceId, sleepingInstance!.workspaceId]).toEqual([teamA.workspace.id, teamA.workspace.id, teamA.workspace.id, null]);
    // The stored function.failed event too.
    const db = await getDb();
    const [failedEvent] = await db.select().from(wfEvents).where(eq(wfEvents.name, "inngest/function.failed"));
    expect(failedEvent!.workspaceId).toBe(teamA.workspace.id);

    // A lists and opens its runs, and only them.
    const listedA = (await adminOf(teamA).list({ workspaceId: teamA.workspace.id, limit: 100 })).runs.map((r) => r.id);
    expect(listedA.sort()).toEqual([failed.id, handler.id, sleepingA!.id].sort());
    expect((await adminOf(teamA).get({ workspaceId: teamA.workspace.id, runId: handler.id })).id).toBe(handler.id);
    expect(await trpcCodeOf(adminOf(teamA).get({ workspaceId: teamA.workspace.id, runId: sleepingInstance!.id }))).toBe("NOT_FOUND");

    // B sees none of them, and cannot open, cancel or retry any: A's or the instance's.
    expect((await adminOf(teamB).list({ workspaceId: teamB.workspace.id, limit: 100 })).runs).toEqual([]);
    for (const run of [failed, handler, sleepingA!, sleepingInstance!]) {
      for (const op of ["get", "cancel", "retry"] as const) {
        expect(await trpcCodeOf(adminOf(teamB)[op]({ workspaceId: teamB.workspace.id, runId: run.id })), `${op} ${run.fnId}`).toBe("NOT_FOUND");
      }
    }
    // Nor can A cancel or retry the instance's run.
    for (const op of ["cancel", "retry"] as const) expect(await trpcCodeOf(adminOf(teamA)[op]({ workspaceId: teamA.workspace.id, runId: sleepingInstance!.id }))).toBe("NOT_FOUND");
    expect((await db.select({ status: wfRuns.status }).from(wfRuns).where(eq(wfRuns.id, sleepingInstance!.id)))[0]!.status).toBe("running");

    // Stats count each workspace's own.
    const statsA = await adminOf(teamA).stats({ workspaceId: teamA.workspace.id });
    expect(statsA.counts.map((s) => [s.status, s.n])).toEqual([["running", 1], ["completed", 1], ["failed", 1], ["cancelled", 0]]);
    expect((await adminOf(teamB).stats({ workspaceId: teamB.workspace.id })).counts.map((s) => s.n)).toEqual([0, 0, 0, 0]);

    // A's admin can still cancel A's run.
    expect(await trpcCodeOf(adminOf(teamA).cancel({ workspaceId: teamA.workspace.id, runId: sleepingA!.id }))).toBe("OK");
  });

  it("a batch of one workspace's events is that workspace's; a batch of several workspaces' is the instance's", async () => {
    const h = createTestHarness();
    const tally = h.inngest.createFunction({ id: "tally", triggers: [{ event: "test/tally" }], batchEvents: { maxSize: 4, timeout: "5s" } }, async ({ events }) => events.length);
    const ex = await h.start([tally]);
    const a = teamA.workspace.id;
    const b = teamB.workspace.id;
    await ex.send([{ name: "test/tally", data: { workspaceId: a } }, { name: "test/tally", data: { workspaceId: a } }]);
    await ex.drain();
    // Opened by A's event, then joined by B's: no longer A's.
    await ex.send({ name: "test/tally", data: { workspaceId: a } });
    await ex.send({ name: "test/tally", data: { workspaceId: b } });
    await ex.drain();
    // Opened with both at once.
    await ex.send([{ name: "test/tally", data: { workspaceId: b } }, { name: "test/tally", data: { workspaceId: a } }]);
    await ex.drain();
    const runs = await h.runsOf("tally"); // one start time: in no particular order
    expect(runs.map((r) => r.output)).toEqual([2, 2, 2]);
    expect(runs.filter((r) => r.workspaceId === a)).toHaveLength(1);
    expect(runs.filter((r) => r.workspaceId === null)).toHaveLength(2);
    expect(runs.find((r) => r.workspaceId === a)!.events!.map((e) => (e as { data: { workspaceId: string } }).data.workspaceId)).toEqual([a, a]);
  });

  it("the migration gives failure-handler runs stored without a workspace their failed run's event's, and batches of several workspaces to the instance", async () => {
    const db = await getDb();
    const a = teamA.workspace.id;
    const b = teamB.workspace.id;
    const failedEvent = (workspaceId: unknown) => ({
      name: "inngest/function.failed",
      id: crypto.randomUUID(),
      ts: Date.now(),
      data: { function_id: "parcours-journey.run", run_id: crypto.randomUUID(), error: { message: "boom" }, event: { name: "parcours/journey.enrollment.started", data: { workspaceId } } },
    });
    const base = { status: "completed" as const, maxAttempts: 1, startedAt: new Date() };
    const [old, noWorkspace, cron, mixed, single] = await db
      .insert(wfRuns)
      .values([
        { ...base, fnId: "parcours-journey.run-failure", event: failedEvent(a.toUpperCase()), workspaceId: null },
        { ...base, fnId: "parcours-journey.run-failure", event: failedEvent("not-a-uuid"), workspaceId: null },
        { ...base, fnId: "parcours-maintenance.prune-sign-in-failures", event: { name: "inngest/scheduled.timer", data: {} }, workspaceId: null },
        { ...base, fnId: "parcours-journey.business-event", event: { name: "e", data: { workspaceId: a } }, events: [{ name: "e", data: { workspaceId: a } }, { name: "e", data: { workspaceId: b } }], workspaceId: a },
        { ...base, fnId: "parcours-journey.business-event", event: { name: "e", data: { workspaceId: b } }, events: [{ name: "e", data: { workspaceId: b } }], workspaceId: b },
      ])
      .returning({ id: wfRuns.id });
    const event = failedEvent(b);
    await db.insert(wfEvents).values({ id: event.id, name: event.name, data: event.data, ts: event.ts, workspaceId: null, receivedAt: new Date() });

    const file = readFileSync(path.join(process.cwd(), "db/migrations/0018_workflow_runs_of_their_workspace.sql"), "utf8");
    for (const statement of file.split("--> statement-breakpoint")) await db.execute(sql.raw(statement));

    const workspaceOf = async (id: string) => (await db.select({ w: wfRuns.workspaceId }).from(wfRuns).where(eq(wfRuns.id, id)))[0]!.w;
    expect([await workspaceOf(old!.id), await workspaceOf(noWorkspace!.id), await workspaceOf(cron!.id), await workspaceOf(mixed!.id), await workspaceOf(single!.id)]).toEqual([a, null, null, null, b]);
    expect((await db.select({ w: wfEvents.workspaceId }).from(wfEvents).where(eq(wfEvents.id, event.id)))[0]!.w).toBe(b);
  });
});
