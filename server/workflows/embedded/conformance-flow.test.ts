import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { wfEvents } from "@/db/schema";
import { eq } from "drizzle-orm";
import { createTestHarness } from "./testing/test-executor";

describe("embedded executor: flow control", () => {
  it("cancelOn cancels a waiting run with a matching event", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction(
      { id: "cancellable", triggers: [{ event: "test/start" }], cancelOn: [{ event: "test/stop", match: "data.userId" }] },
      async ({ step }) => {
        await step.sleep("long", "7d");
        return "finished";
      },
    );
    const ex = await h.start([fn]);
    await ex.send([{ name: "test/start", data: { userId: "a" } }, { name: "test/start", data: { userId: "b" } }]);
    await ex.drain();
    await ex.send({ name: "test/stop", data: { userId: "a" } });
    await ex.advance("7d");
    const runs = await h.runsOf("cancellable");
    expect(runs.map((r) => [(r.event as { data: { userId: string } }).data.userId, r.status]).sort()).toEqual([
      ["a", "cancelled"],
      ["b", "completed"],
    ]);
  });

  it("parallel steps run and their results come back in order", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "parallel", triggers: [{ event: "test/go" }] }, async ({ step }) => {
      const [a, b, c] = await Promise.all([step.run("a", () => "A"), step.run("b", () => "B"), step.run("c", () => "C")]);
      const after = await step.run("after", () => `${a}${b}${c}`);
      return after;
    });
    const ex = await h.start([fn]);
    await ex.send({ name: "test/go" });
    await ex.drain();
    expect(await h.onlyRun("parallel")).toMatchObject({ status: "completed", output: "ABC" });
  });

  it("step.sendEvent starts the functions it triggers", async () => {
    const h = createTestHarness();
    const sender = h.inngest.createFunction({ id: "sender", triggers: [{ event: "test/go" }] }, async ({ step }) => {
      await step.sendEvent("fan-out", [{ name: "test/child", data: { n: 1 } }, { name: "test/child", data: { n: 2 } }]);
      return "sent";
    });
    const child = h.inngest.createFunction({ id: "child", triggers: [{ event: "test/child" }] }, async ({ event }) => event.data.n * 10);
    const ex = await h.start([sender, child]);
    await ex.send({ name: "test/go" });
    await ex.drain();
    expect((await h.runsOf("child")).map((r) => r.output).sort()).toEqual([10, 20]);
  });

  it("an event id seen before is a no-op; an event nothing uses starts nothing and is not kept", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "once", triggers: [{ event: "test/once" }] }, async () => "ok");
    const ex = await h.start([fn]);
    await ex.send({ name: "test/once", id: "evt-1" });
    await ex.send({ name: "test/once", id: "evt-1" });
    await h.inngest.send({ name: "test/unknown", data: { a: 1 }, id: "evt-2" });
    await ex.drain();
    expect(await h.runsOf("once")).toHaveLength(1);
    const db = await getDb();
    expect((await db.select().from(wfEvents).where(eq(wfEvents.id, "evt-1")))[0]?.name).toBe("test/once");
    expect(await db.select().from(wfEvents).where(eq(wfEvents.id, "evt-2"))).toEqual([]);
  });

  it("idempotency keys start one run per key within 24 hours", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "idem", idempotency: "event.data.orderId", triggers: [{ event: "test/order" }] }, async () => "ok");
    const ex = await h.start([fn]);
    await ex.send([{ name: "test/order", data: { orderId: "o1" } }, { name: "test/order", data: { orderId: "o1" } }, { name: "test/order", data: { orderId: "o2" } }]);
    await ex.drain();
    expect(await h.runsOf("idem")).toHaveLength(2);
  });

  it("throttle delays runs past the limit instead of dropping them", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "throttled", throttle: { limit: 1, period: "1m" }, triggers: [{ event: "test/t" }] }, async () => "ok");
    const ex = await h.start([fn]);
    const t0 = ex.clock.now().getTime();
    await ex.send([{ name: "test/t" }, { name: "test/t" }, { name: "test/t" }]);
    await ex.advance("5m");
    const runs = await h.runsOf("throttled");
    expect(runs.map((r) => r.status)).toEqual(["completed", "completed", "completed"]);
    expect(runs.map((r) => (r.startedAt.getTime() - t0) / 60_000)).toEqual([0, 1, 2]);
  });

  it("returns JSON as the SDK serializes it: dates become strings, undefined becomes null", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "shapes", triggers: [{ event: "test/go" }] }, async ({ step }) => {
      const memo = await step.run("date", () => ({ at: new Date("2026-01-01T00:00:00Z"), missing: undefined }));
      return { memo, when: new Date("2026-02-02T00:00:00Z") };
    });
    const ex = await h.start([fn]);
    await ex.send({ name: "test/go" });
    await ex.drain();
    expect((await h.onlyRun("shapes")).output).toEqual({ memo: { at: "2026-01-01T00:00:00.000Z" }, when: "2026-02-02T00:00:00.000Z" });
  });
});

describe("embedded executor: bad events", () => {
  it("rejects a malformed event with the path of the field, and stores nothing of the batch", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "strict", triggers: [{ event: "test/ok" }] }, async () => "ok");
    const ex = await h.start([fn]);
    await expect(ex.send([{ name: "test/ok" }, { name: "test/ok", data: "text" as unknown as Record<string, unknown> }])).rejects.toThrow(/events\[1\]\.data/);
    await expect(ex.send({ name: "" })).rejects.toThrow(/events\[0\]\.name: name is required/);
    await ex.drain();
    expect(await h.runsOf("strict")).toHaveLength(0);
  });
});
