import { describe, expect, it } from "vitest";
import { createTestHarness } from "./testing/test-executor";

describe("embedded executor: sleeps and waits", () => {
  it("a sleep of 1 day completes after advance('1d') and not before", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "sleeper", triggers: [{ event: "test/sleep" }] }, async ({ step }) => {
      await step.sleep("nap", "1d");
      return "awake";
    });
    const ex = await h.start([fn]);
    await ex.send({ name: "test/sleep" });
    await ex.advance("23h59m");
    expect((await h.onlyRun("sleeper")).status).toBe("running");
    await ex.advance("1m");
    expect(await h.onlyRun("sleeper")).toMatchObject({ status: "completed", output: "awake" });
  });

  it("an event stamped in the future starts its run that much later; one stamped now starts at once", async () => {
    const h = createTestHarness();
    let calls = 0;
    const fn = h.inngest.createFunction({ id: "later", triggers: [{ event: "test/later" }] }, async ({ event }) => {
      calls++;
      return event.data.n;
    });
    const ex = await h.start([fn]);
    await ex.send([{ name: "test/later", data: { n: "scheduled" }, ts: Date.now() + 2 * 3_600_000 }, { name: "test/later", data: { n: "now" } }]);
    await ex.advance("1h59m");
    expect((await h.runsOf("later")).map((r) => `${r.status}:${String(r.output)}`).sort()).toEqual(["completed:now", "running:null"]);
    expect(calls).toBe(1);
    await ex.advance("1m");
    expect((await h.runsOf("later")).map((r) => `${r.status}:${String(r.output)}`).sort()).toEqual(["completed:now", "completed:scheduled"]);
  });

  it("sleepUntil wakes at the date", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "until", triggers: [{ event: "test/until" }] }, async ({ step }) => {
      await step.sleepUntil("wait", new Date("2026-03-05T09:00:00Z"));
      return "done";
    });
    const ex = await h.start([fn], { start: new Date("2026-03-02T08:00:00Z") });
    await ex.send({ name: "test/until" });
    await ex.advance("3d");
    expect((await h.onlyRun("until")).status).toBe("running");
    await ex.advance("1h");
    expect((await h.onlyRun("until")).status).toBe("completed");
  });

  const waiterFn = (h: ReturnType<typeof createTestHarness>) =>
    h.inngest.createFunction({ id: "waiter", triggers: [{ event: "test/start" }] }, async ({ step }) => {
      const got = await step.waitForEvent("purchase", { event: "test/purchase", timeout: "1d", match: "data.userId" });
      return got ? { product: got.data.product } : "timed out";
    });

  it("waitForEvent receives a matching event and ignores a non-matching one", async () => {
    const h = createTestHarness();
    const ex = await h.start([waiterFn(h)]);
    await ex.send({ name: "test/start", data: { userId: "u1" } });
    await ex.drain();
    await ex.send({ name: "test/purchase", data: { userId: "u2", product: "wrong" } });
    await ex.drain();
    expect((await h.onlyRun("waiter")).status).toBe("running");
    await ex.send({ name: "test/purchase", data: { userId: "u1", product: "shoes" } });
    await ex.drain();
    expect(await h.onlyRun("waiter")).toMatchObject({ status: "completed", output: { product: "shoes" } });
  });

  it("waitForEvent times out to null", async () => {
    const h = createTestHarness();
    const ex = await h.start([waiterFn(h)]);
    await ex.send({ name: "test/start", data: { userId: "u1" } });
    await ex.advance("1d");
    expect(await h.onlyRun("waiter")).toMatchObject({ status: "completed", output: "timed out" });
    // A late event changes nothing.
    await ex.send({ name: "test/purchase", data: { userId: "u1", product: "late" } });
    await ex.drain();
    expect((await h.onlyRun("waiter")).output).toBe("timed out");
  });

  it("an event sent before the wait is registered does not resolve it", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "late-waiter", triggers: [{ event: "test/go" }] }, async ({ step }) => {
      await step.sleep("first", "1h");
      const got = await step.waitForEvent("ev", { event: "test/early", timeout: "2h" });
      return got ? "got it" : "nothing";
    });
    const ex = await h.start([fn]);
    await ex.send({ name: "test/go" });
    await ex.drain();
    await ex.send({ name: "test/early" });
    await ex.advance("4h");
    expect((await h.onlyRun("late-waiter")).output).toBe("nothing");
  });

  it("waitForEvent with an `if` expression", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "iffy", triggers: [{ event: "test/go" }] }, async ({ step }) => {
      const got = await step.waitForEvent("big", { event: "test/order", timeout: "1h", if: "async.data.amount > 100 && event.data.shop == async.data.shop" });
      return got?.data.amount ?? null;
    });
    const ex = await h.start([fn]);
    await ex.send({ name: "test/go", data: { shop: "s1" } });
    await ex.drain();
    await ex.send([{ name: "test/order", data: { shop: "s1", amount: 50 } }, { name: "test/order", data: { shop: "s2", amount: 500 } }]);
    await ex.drain();
    await ex.send({ name: "test/order", data: { shop: "s1", amount: 150 } });
    await ex.drain();
    expect((await h.runsOf("iffy"))[0]?.output).toBe(150);
  });
});

describe("embedded executor: zero sleeps", () => {
  it("sleep('0s') continues at once", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "zero", triggers: [{ event: "test/go" }] }, async ({ step }) => {
      await step.sleep("none", "0s");
      return "on";
    });
    const ex = await h.start([fn]);
    await ex.send({ name: "test/go" });
    await ex.drain();
    expect(await h.onlyRun("zero")).toMatchObject({ status: "completed", output: "on" });
  });
});
