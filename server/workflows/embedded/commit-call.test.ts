import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { wfJobs, wfRunLog, wfRuns } from "@/db/schema";
import { claimJobs } from "./claim-jobs";
import { commitCall } from "./commit-call";
import { ownCallJob } from "./process-job";
import type { TCallRecord } from "./record-call";
import { readRun } from "./run-snapshot";
import { createTestHarness } from "./testing/test-executor";

async function claimedJob() {
  const h = createTestHarness();
  const fn = h.inngest.createFunction({ id: "committed", triggers: [{ event: "test/committed" }] }, async ({ step }) => step.run("a", () => 1));
  const ex = await h.start([fn], { workerId: "a" });
  await ex.send({ name: "test/committed" });
  const [job] = await claimJobs(ex.ctx, 10);
  return { ctx: ex.ctx, job: job!, db: await getDb() };
}

const memo = (runId: string, jobs: TCallRecord["jobs"] = []): TCallRecord => ({
  runId,
  steps: [["x", { data: { deep: [1] } }]],
  disableImmediateExecution: false,
  jobs,
  log: [{ kind: "step.completed", stepId: "x", startedAt: new Date(), endedAt: new Date() }],
});

describe("a call committed in one statement", () => {
  it("carries the run's next call on the same job row: lease renewed, attempt reset, nothing inserted", async () => {
    const { ctx, job, db } = await claimedJob();
    await db.update(wfJobs).set({ attempt: 2 }).where(eq(wfJobs.id, job.id));
    const own = ownCallJob(ctx, job, new Date(ctx.clock.now().getTime() + 1000));
    const committed = await commitCall(ctx, { ...job, attempt: 2 }, 0, memo(job.runId, [own]));
    expect(committed).toEqual({ nextId: job.id });
    expect(await readRun(db, job.runId)).toMatchObject({ stack: ["x"], steps: { x: { data: { deep: [1] } } } });
    const jobs = await db.select().from(wfJobs).where(eq(wfJobs.runId, job.runId));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ id: job.id, attempt: 0, lockedBy: "a", doneAt: null, stepId: "step", runAt: job.runAt, lockedUntil: own.lockedUntil });
    expect((await db.select().from(wfRunLog).where(eq(wfRunLog.runId, job.runId))).map((r) => r.kind)).toContain("step.completed");
    // The lease fences the reuse too: another worker's job is left alone.
    await db.update(wfJobs).set({ lockedBy: "b" }).where(eq(wfJobs.id, job.id));
    expect(await commitCall(ctx, job, 1, memo(job.runId, [own]))).toBeNull();
    expect(await readRun(db, job.runId)).toMatchObject({ stack: ["x"] });
  });

  it("appends memos, log rows and the jobs queued (the next call leased to us) and marks the job done", async () => {
    const { ctx, job, db } = await claimedJob();
    const now = ctx.clock.now();
    const sleep = { ...ownCallJob(ctx, job, now), kind: "sleep" as const, stepId: "nap", runAt: new Date(now.getTime() + 3_600_000), lockedBy: null, lockedUntil: null };
    const committed = await commitCall(ctx, job, 0, memo(job.runId, [sleep, ownCallJob(ctx, job, now)]));
    expect(committed?.nextId).toEqual(expect.any(Number));
    expect(committed?.nextId).not.toBe(job.id);
    expect(await readRun(db, job.runId)).toMatchObject({ stack: ["x"], steps: { x: { data: { deep: [1] } } } });
    const jobs = await db.select().from(wfJobs).where(eq(wfJobs.runId, job.runId));
    expect(jobs.find((j) => j.id === job.id)!.doneAt).not.toBeNull();
    expect(jobs.find((j) => j.id === committed!.nextId)).toMatchObject({ lockedBy: "a", doneAt: null, stepId: "step" });
    expect((await db.select().from(wfRunLog).where(eq(wfRunLog.runId, job.runId))).map((r) => r.kind)).toContain("step.completed");
  });

  it("writes nothing when the lease is another worker's, or the run moved on or ended", async () => {
    const { ctx, job, db } = await claimedJob();
    await db.update(wfJobs).set({ lockedBy: "b" }).where(eq(wfJobs.id, job.id));
    expect(await commitCall(ctx, job, 0, memo(job.runId))).toBeNull();
    await db.update(wfJobs).set({ lockedBy: "a" }).where(eq(wfJobs.id, job.id));
    expect(await commitCall(ctx, job, 1, memo(job.runId))).toBeNull(); // the call saw another depth
    await db.update(wfRuns).set({ status: "cancelled" }).where(eq(wfRuns.id, job.runId));
    expect(await commitCall(ctx, job, 0, memo(job.runId))).toBeNull();
    expect(await readRun(db, job.runId)).toMatchObject({ stack: [], steps: {} });
    const [row] = await db.select().from(wfJobs).where(eq(wfJobs.id, job.id));
    expect(row!.doneAt).toBeNull();
  });

  it("ends the run with its output, closing its other jobs", async () => {
    const { ctx, job, db } = await claimedJob();
    const [other] = await db.insert(wfJobs).values({ runId: job.runId, fnId: job.fnId, kind: "sleep", stepId: "z", runAt: new Date() }).returning();
    const committed = await commitCall(ctx, job, 0, memo(job.runId), { status: "completed", output: { n: 2 } });
    expect(committed).toEqual({ nextId: null });
    const [closed] = await db.select().from(wfJobs).where(eq(wfJobs.id, other!.id));
    expect(closed!.doneAt).not.toBeNull();
    const [run] = await db.select().from(wfRuns).where(eq(wfRuns.id, job.runId));
    expect(run).toMatchObject({ status: "completed", output: { n: 2 } });
    expect(run!.endedAt).not.toBeNull();
    const log = await db.select().from(wfRunLog).where(eq(wfRunLog.runId, job.runId));
    expect(log.find((r) => r.kind === "run.completed")?.data).toEqual({ n: 2 });
  });
});
