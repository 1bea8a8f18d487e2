import { describe, expect, it } from "vitest";
import { claimJobs } from "./claim-jobs";
import { createTestHarness } from "./testing/test-executor";

describe("claiming due jobs", () => {
  it("claims a page of due jobs in one statement, each with its run as read then, and never a leased job twice", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "paged", triggers: [{ event: "test/paged" }] }, async ({ step }) => step.run("a", () => 1));
    const ex = await h.start([fn], { workerId: "a" });
    const runIds = new Set<string>();
    for (let i = 0; i < 5; i++) await ex.send({ name: "test/paged", data: { i } });
    const page = await claimJobs(ex.ctx, 3);
    expect(page).toHaveLength(3);
    for (const job of page) {
      expect(job).toMatchObject({ lockedBy: "a", kind: "call", stepId: "step" });
      expect(job.run).toMatchObject({ id: job.runId, status: "running", stack: [], steps: {} });
      runIds.add(job.runId);
    }
    const rest = await claimJobs(ex.ctx, 10);
    expect(rest).toHaveLength(2);
    for (const job of rest) expect(runIds.has(job.runId)).toBe(false);
    expect(await claimJobs(ex.ctx, 10)).toEqual([]);
  });
});
