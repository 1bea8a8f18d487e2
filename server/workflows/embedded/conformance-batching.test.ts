import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import type { VirtualClock } from "./clock";
import { createTestHarness } from "./testing/test-executor";

const outputs = async (h: ReturnType<typeof createTestHarness>, fnId: string) =>
  (await h.runsOf(fnId)).filter((r) => r.status === "completed").map((r) => r.output);

describe("embedded executor: batchEvents", () => {
  function batched(h: ReturnType<typeof createTestHarness>, key?: string) {
    return h.inngest.createFunction({ id: "collect", triggers: [{ event: "test/item" }], batchEvents: { maxSize: 3, timeout: "5s", ...(key ? { key } : {}) } }, async ({ event, events, step }) => {
      const items = await step.run("sum", () => events.map((e) => e.data.i as number));
      return { first: event.data.i, items };
    });
  }

  it("starts a run when the batch is full, or when its timeout has passed since the first event", async () => {
    const h = createTestHarness();
    const ex = await h.start([batched(h)]);
    for (let i = 1; i <= 4; i++) await ex.send({ name: "test/item", data: { i } });
    await ex.tick();
    expect(await outputs(h, "collect")).toEqual([{ first: 1, items: [1, 2, 3] }]);
    // Event 4 waits for more; 5 joins it; nothing is due until 5 s after event 4.
    (ex.clock as VirtualClock).add("4s");
    await ex.send({ name: "test/item", data: { i: 5 } });
    expect(await ex.tick()).toBe(0);
    (ex.clock as VirtualClock).add("1s");
    await ex.tick();
    expect(await outputs(h, "collect")).toContainEqual({ first: 4, items: [4, 5] });
    // A batch whose time is up takes no more: event 6 opens a new one.
    await ex.send({ name: "test/item", data: { i: 6 } });
    await ex.drain();
    const items = (await outputs(h, "collect")).map((o) => (o as { items: number[] }).items);
    expect(items.sort((a, b) => a[0]! - b[0]!)).toEqual([[1, 2, 3], [4, 5], [6]]);
  });

  it("splits one large send into full batches, and keeps keys apart", async () => {
    const h = createTestHarness();
    const ex = await h.start([batched(h, "event.data.group")]);
    await ex.send(Array.from({ length: 8 }, (_, i) => ({ name: "test/item", data: { i, group: i % 2 } })));
    await ex.tick(); // the two full batches (3 of each group) are due at once
    const full = (await outputs(h, "collect")).map((o) => (o as { items: number[] }).items);
    expect(full.sort((a, b) => a[0]! - b[0]!)).toEqual([[0, 2, 4], [1, 3, 5]]);
    await ex.drain(); // drain closes the batches still collecting
    const all = (await outputs(h, "collect")).map((o) => (o as { items: number[] }).items);
    expect(all.sort((a, b) => a[0]! - b[0]!)).toEqual([[0, 2, 4], [1, 3, 5], [6], [7]]);
  });

  it("gives the function the same events and result as @inngest/test", async () => {
    const h = createTestHarness();
    const fn = batched(h);
    const events = [1, 2, 3].map((i) => ({ name: "test/item", data: { i } }));
    const { result } = await new InngestTestEngine({ function: fn, events: events as never }).execute();
    const ex = await h.start([fn]);
    await ex.send(events);
    await ex.tick();
    expect(await outputs(h, "collect")).toEqual([JSON.parse(JSON.stringify(result))]);
  });

  it("refuses options Inngest does not allow with batching", async () => {
    const h = createTestHarness();
    const withIdempotency = h.inngest.createFunction({ id: "bad-batch", triggers: [{ event: "test/item" }], batchEvents: { maxSize: 3, timeout: "5s" }, idempotency: "event.data.i" }, async () => null);
    await expect(h.start([withIdempotency])).rejects.toThrow(/batchEvents cannot be combined with "idempotency"/);
  });
});
