import { eq, inArray } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { wfJobs, wfRunLog, wfRuns, wfWaits } from "@/db/schema";
import { claimJobs } from "./claim-jobs";
import type { TCommit } from "./commit-together";
import * as raw from "./raw-statement";
import { createTestHarness } from "./testing/test-executor";

async function claimedJobs(n: number) {
  const h = createTestHarness();
  const fn = h.inngest.createFunction({ id: "together", triggers: [{ event: "test/together" }] }, async ({ step }) => step.run("a", () => 1));
  const ex = await h.start([fn], { workerId: `together-${n}` });
  await ex.send(Array.from({ length: n }, () => ({ name: "test/together" })));
  const jobs = (await claimJobs(ex.ctx, n + 10)).filter((j) => j.fnId === `${h.appId}-together`);
  expect(jobs).toHaveLength(n);
  return { ctx: ex.ctx, jobs, db: await getDb() };
}

const item = (job: { id: number; runId: string }, at: Date, over: Partial<TCommit> = {}): TCommit => ({
  job: job.id,
  run: job.runId,
  depth: 0,
  steps: { x: { data: { n: job.id } } },
  stack: ["x"],
  die: false,
  log: [{ kind: "step.completed", step_id: "x", name: null, attempt: 0, data: { n: job.id }, started_at: at, ended_at: at }],
  at: at.toISOString(),
  lease: new Date(at.getTime() + 60_000).toISOString(),
  status: null,
  output: null,
  ...over,
});

describe("calls committed together", () => {
  it("writes the calls that finish together in fewer statements, each as its own statement would", async () => {
    const { ctx, jobs, db } = await claimedJobs(12);
    const at = ctx.clock.now();
    const [stale, closing, ...going] = jobs;
    const [otherJob] = await db.insert(wfJobs).values({ runId: closing!.runId, fnId: closing!.fnId, kind: "sleep", stepId: "z", runAt: new Date(at.getTime() + 3_600_000) }).returning();
    const [openWait] = await db.insert(wfWaits).values({ runId: closing!.runId, stepId: "w", eventName: "test/never", createdAt: at, expiresAt: new Date(at.getTime() + 3_600_000) }).returning();
    const statements = vi.spyOn(raw, "rawStatement");
    const applied = await Promise.all([
      ctx.commits(item(stale!, at, { depth: 3 })), // the call saw another run
      ctx.commits(item(closing!, at, { lease: null, status: "completed", output: { done: true } })),
      ...going.map((job) => ctx.commits(item(job, at))),
    ]);
    expect(applied).toEqual([false, true, ...going.map(() => true)]);
    // One statement for the first call (it goes at once), one for the eleven that gathered meanwhile.
    expect(statements.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(statements.mock.calls.length).toBeLessThanOrEqual(2);
    statements.mockRestore();

    const runs = await db.select().from(wfRuns).where(inArray(wfRuns.id, jobs.map((j) => j.runId)));
    const runOf = (id: string) => runs.find((r) => r.id === id)!;
    expect(runOf(stale!.runId)).toMatchObject({ status: "running", stack: [] });
    expect(runOf(closing!.runId)).toMatchObject({ status: "completed", output: { done: true }, stack: ["x"] });
    expect(runOf(closing!.runId).endedAt).not.toBeNull();
    for (const job of going) expect(runOf(job.runId)).toMatchObject({ status: "running", stack: ["x"], steps: { x: { data: { n: job.id } } } });

    const rows = await db.select().from(wfJobs).where(inArray(wfJobs.runId, jobs.map((j) => j.runId)));
    const jobRow = (id: number) => rows.find((r) => r.id === id)!;
    expect(jobRow(closing!.id).doneAt).not.toBeNull();
    expect(jobRow(otherJob!.id).doneAt).not.toBeNull(); // the closed run's other jobs and open waits end with it
    expect((await db.select().from(wfWaits).where(eq(wfWaits.id, openWait!.id)))[0]!.resolvedAt).not.toBeNull();
    expect(jobRow(stale!.id)).toMatchObject({ doneAt: null, attempt: 0 });
    for (const job of going) expect(jobRow(job.id)).toMatchObject({ doneAt: null, lockedBy: ctx.workerId, lockedUntil: new Date(at.getTime() + 60_000) });
    const log = await db.select().from(wfRunLog).where(eq(wfRunLog.runId, closing!.runId));
    expect(log.map((r) => r.kind)).toEqual(expect.arrayContaining(["step.completed"]));
  });

  it("a write that cannot succeed fails alone: the others in its batch are written", async () => {
    const { ctx, jobs, db } = await claimedJobs(4);
    const at = ctx.clock.now();
    const [bad, ...good] = jobs;
    // PostgreSQL cannot store U+0000 in jsonb: the batch statement fails, then each call is written on its own.
    const results = await Promise.allSettled([ctx.commits(item(bad!, at, { steps: { x: { data: "a\u0000b" } } })), ...good.map((job) => ctx.commits(item(job, at)))]);
    expect(results[0]!.status).toBe("rejected");
    expect(results.slice(1).map((r) => r.status === "fulfilled" && r.value)).toEqual(good.map(() => true));
    const runs = await db.select().from(wfRuns).where(inArray(wfRuns.id, jobs.map((j) => j.runId)));
    expect(runs.find((r) => r.id === bad!.runId)).toMatchObject({ stack: [] });
    for (const job of good) expect(runs.find((r) => r.id === job.runId)).toMatchObject({ stack: ["x"] });
  });
});
