import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { wfJobs } from "@/db/schema";
import { transaction } from "@/db/transaction";
import { claimJobs } from "./claim-jobs";
import { recordCall } from "./record-call";
import { lockRunForJob, readRun } from "./run-snapshot";
import { createTestHarness } from "./testing/test-executor";

async function claimedJob() {
  const h = createTestHarness();
  const fn = h.inngest.createFunction({ id: "fenced", triggers: [{ event: "test/fenced" }] }, async ({ step }) => step.run("a", () => 1));
  const ex = await h.start([fn], { workerId: "a" });
  await ex.send({ name: "test/fenced" });
  const [job] = await claimJobs(ex.ctx, 10);
  return { ctx: ex.ctx, job: job!, db: await getDb() };
}

describe("run snapshots and the lease fence", () => {
  it("a worker whose lease another took over gets nothing and changes nothing", async () => {
    const { ctx, job, db } = await claimedJob();
    await db.update(wfJobs).set({ lockedBy: "b" }).where(eq(wfJobs.id, job.id));
    expect(await transaction(db, (tx) => lockRunForJob(tx, ctx, job.id, job.runId, []))).toBeNull();
    const [row] = await db.select().from(wfJobs).where(eq(wfJobs.id, job.id));
    expect(row!.doneAt).toBeNull();
  });

  it("the lease holder marks its job done, sees which steps are memoized, and appends memos in order", async () => {
    const { ctx, job, db } = await claimedJob();
    await transaction(db, async (tx) => {
      const locked = await lockRunForJob(tx, ctx, job.id, job.runId, ["x", "y"]);
      expect(locked).toMatchObject({ status: "running", depth: 0, known: new Set() });
      await recordCall(tx, { runId: job.runId, steps: [["x", { data: 1 }], ["y", { data: { deep: [2] } }]], disableImmediateExecution: true, jobs: [], log: [] });
      const again = await lockRunForJob(tx, ctx, job.id, job.runId, ["y", "z"]);
      expect(again).toBeNull(); // the job is done now: a second answer to it is void
    });
    const run = await readRun(db, job.runId);
    expect(run).toMatchObject({ stack: ["x", "y"], steps: { x: { data: 1 }, y: { data: { deep: [2] } } }, disableImmediateExecution: true });
  });
});
