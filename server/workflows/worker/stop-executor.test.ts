import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { wfJobs } from "@/db/schema";
import { createTestHarness } from "../embedded/testing/test-executor";
import { stopExecutor } from "./stop-executor";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean | Promise<boolean>, ms = 10_000) {
  for (const end = Date.now() + ms; !(await check()); ) {
    if (Date.now() > end) throw new Error("timed out");
    await pause(10);
  }
}

async function openJobs(runId: string) {
  const db = await getDb();
  return (await db.select().from(wfJobs).where(eq(wfJobs.runId, runId))).filter((j) => !j.doneAt);
}

describe("graceful stop of an executor", () => {
  it("lets the call in hand finish, then gives the run's next call back to the queue", async () => {
    const h = createTestHarness();
    const ran = { a: 0, b: 0 };
    let started = false;
    const fn = h.inngest.createFunction({ id: "two-steps", triggers: [{ event: "test/two" }] }, async ({ step }) => {
      await step.run("a", async () => ((started = true), await pause(200), ++ran.a));
      await step.run("b", () => ++ran.b);
      return ran;
    });
    const first = await h.start([fn], { workerId: "stopping" });
    first.start();
    await first.send({ name: "test/two" });
    await until(() => started);
    expect(await stopExecutor(first, 5_000)).toEqual({ finished: true, handedBack: 0 });
    const run = await h.onlyRun("two-steps");
    expect(ran).toEqual({ a: 1, b: 0 }); // a finished; b was not taken on while stopping
    expect((await openJobs(run.id)).map((j) => ({ kind: j.kind, lockedBy: j.lockedBy }))).toEqual([{ kind: "call", lockedBy: null }]);

    const second = await h.start([fn], { workerId: "next", start: first.clock.now() });
    await second.drain(); // due at once: no lease to wait out
    expect(await h.onlyRun("two-steps")).toMatchObject({ status: "completed", output: { a: 1, b: 1 } });
  });

  it("past the grace period hands back the call still running; its late result is dropped", async () => {
    const h = createTestHarness();
    let calls = 0;
    let releaseFirst!: () => void;
    const firstCallHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const fn = h.inngest.createFunction({ id: "slow", triggers: [{ event: "test/slow" }] }, async ({ step }) => {
      return step.run("work", async () => {
        const call = ++calls;
        if (call === 1) await firstCallHeld;
        return `call ${call}`;
      });
    });
    const first = await h.start([fn], { workerId: "slow-worker" });
    first.start();
    await first.send({ name: "test/slow" });
    await until(() => calls === 1);
    expect(await stopExecutor(first, 50)).toEqual({ finished: false, handedBack: 1 });
    const run = await h.onlyRun("slow");
    expect((await openJobs(run.id)).map((j) => j.lockedBy)).toEqual([null]);

    const second = await h.start([fn], { workerId: "taker", start: first.clock.now() });
    await second.drain();
    releaseFirst();
    await first.stop(); // the first call ends now, finds the job no longer its own
    expect(await h.onlyRun("slow")).toMatchObject({ status: "completed", output: "call 2" });
    expect(calls).toBe(2);
  });
});
