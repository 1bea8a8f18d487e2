import { describe, expect, it } from "vitest";
import { claimJobs } from "./claim-jobs";
import type { VirtualClock } from "./clock";
import { createTestHarness } from "./testing/test-executor";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("embedded executor: short leases with heartbeats", () => {
  it("a live worker keeps its job through a step longer than the lease, and the step runs once", async () => {
    const h = createTestHarness();
    let runs = 0;
    const stolen: number[] = [];
    let survivorClaims: (() => Promise<number>) | null = null;
    const fn = h.inngest.createFunction({ id: "long", retries: 0, triggers: [{ event: "test/long" }] }, async ({ step }) => {
      await step.run("slow", async () => {
        runs++;
        // 45 s of executor time pass during this step, more than twice the 20 s lease.
        for (let i = 0; i < 3; i++) {
          (worker.clock as VirtualClock).add("15s");
          await pause(60);
          stolen.push(await survivorClaims!());
        }
      });
      return "done";
    });
    const worker = await h.start([fn], { workerId: "busy", leaseMs: 20_000, heartbeatMs: 10 });
    const survivor = await h.start([fn], { workerId: "idle", leaseMs: 20_000, start: worker.clock.now() });
    survivorClaims = async () => {
      (survivor.clock as VirtualClock).set(worker.clock.now());
      return (await claimJobs(survivor.ctx, 10)).length;
    };
    await worker.send({ name: "test/long" });
    await worker.drain();
    expect(stolen).toEqual([0, 0, 0]);
    expect(runs).toBe(1);
    expect(await h.onlyRun("long")).toMatchObject({ status: "completed", output: "done" });
  });
});
