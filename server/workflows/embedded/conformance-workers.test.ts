import { describe, expect, it } from "vitest";
import { claimJobs } from "./claim-jobs";
import type { VirtualClock } from "./clock";
import { createTestHarness } from "./testing/test-executor";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("embedded executor: workers, concurrency, crashes, cron", () => {
  async function maxInFlight(concurrency?: { limit: number; key?: string }) {
    const h = createTestHarness();
    let now = 0;
    let max = 0;
    const fn = h.inngest.createFunction({ id: "busy", concurrency, triggers: [{ event: "test/work" }] }, async ({ step }) => {
      await step.run("work", async () => {
        max = Math.max(max, ++now);
        await pause(30);
        now--;
      });
    });
    const ex = await h.start([fn]);
    await ex.send(Array.from({ length: 6 }, (_, i) => ({ name: "test/work", data: { i, group: i % 2 } })));
    await ex.drain();
    expect((await h.runsOf("busy")).every((r) => r.status === "completed")).toBe(true);
    return max;
  }

  it("holds a concurrency limit", async () => {
    expect(await maxInFlight()).toBeGreaterThan(2);
    expect(await maxInFlight({ limit: 1 })).toBe(1);
    expect(await maxInFlight({ limit: 1, key: "event.data.group" })).toBe(2);
  });

  it("a worker that died mid-run is replaced when its lease (20 s by default) expires, without re-running memoized steps", async () => {
    const h = createTestHarness();
    const counts = { first: 0, second: 0 };
    const fn = h.inngest.createFunction({ id: "crashy", triggers: [{ event: "test/go" }] }, async ({ step }) => {
      await step.run("first", () => ++counts.first);
      await step.sleep("pause", "1m");
      await step.run("second", () => ++counts.second);
      return counts;
    });
    const crashed = await h.start([fn], { workerId: "doomed" });
    await crashed.send({ name: "test/go" });
    await crashed.drain();
    expect(counts).toEqual({ first: 1, second: 0 });
    // The sleep ends; this worker claims the wake-up and "dies" without finishing it.
    (crashed.clock as VirtualClock).add("1m");
    const abandoned = await claimJobs(crashed.ctx, 10);
    expect(abandoned.map((j) => j.kind)).toEqual(["sleep"]);

    const survivor = await h.start([fn], { workerId: "survivor", start: crashed.clock.now() });
    await survivor.advance("19s");
    expect((await h.onlyRun("crashy")).status).toBe("running"); // the lease still holds
    await survivor.advance("2s");
    expect(await h.onlyRun("crashy")).toMatchObject({ status: "completed", output: { first: 1, second: 1 } });
    expect(counts).toEqual({ first: 1, second: 1 });
  });

  it("two executors on one database share the work, each job once", async () => {
    const h = createTestHarness();
    const seen: string[] = [];
    const fn = h.inngest.createFunction({ id: "shared", triggers: [{ event: "test/go" }] }, async ({ event, step }) => {
      await step.run("record", async () => {
        seen.push(String(event.data.i));
        await pause(5);
      });
    });
    const a = await h.start([fn], { workerId: "a" });
    const b = await h.start([fn], { workerId: "b", start: a.clock.now() });
    await a.send(Array.from({ length: 20 }, (_, i) => ({ name: "test/go", data: { i } })));
    await Promise.all([a.drain(), b.drain()]);
    expect(seen.sort()).toEqual(Array.from({ length: 20 }, (_, i) => String(i)).sort());
    expect((await h.runsOf("shared")).filter((r) => r.status === "completed")).toHaveLength(20);
  });

  it("fires a cron at the right minutes in its time zone", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "weekly", triggers: [{ cron: "TZ=Europe/Paris 0 9 * * 1" }] }, async ({ event }) => event.name);
    // Monday 2 March 2026, 07:00 UTC = 08:00 in Paris.
    const ex = await h.start([fn], { start: new Date("2026-03-02T07:00:00Z") });
    await ex.advance("59m");
    expect(await h.runsOf("weekly")).toHaveLength(0);
    await ex.advance("1m");
    await ex.advance("14d");
    const runs = await h.runsOf("weekly");
    expect(runs.map((r) => new Date((r.event as { ts: number }).ts).toISOString())).toEqual([
      "2026-03-02T08:00:00.000Z",
      "2026-03-09T08:00:00.000Z",
      "2026-03-16T08:00:00.000Z",
    ]);
    expect(runs.every((r) => r.output === "inngest/scheduled.timer")).toBe(true);
  });

  it("follows daylight saving time: 09:00 Paris is 07:00 UTC after the change", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "dst", triggers: [{ cron: "TZ=Europe/Paris 0 9 * * *" }] }, async () => "ok");
    const ex = await h.start([fn], { start: new Date("2026-03-28T00:00:00Z") });
    await ex.advance("2d");
    const runs = await h.runsOf("dst");
    expect(runs.map((r) => new Date((r.event as { ts: number }).ts).toISOString())).toEqual(["2026-03-28T08:00:00.000Z", "2026-03-29T07:00:00.000Z"]);
  });
});

describe("embedded executor: the background loop", () => {
  it("processes work sent while it runs, and stops cleanly", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "live", triggers: [{ event: "test/live" }] }, async ({ event, step }) => {
      const doubled = await step.run("double", () => (event.data.n as number) * 2);
      await step.sleep("zero", "0s");
      return doubled;
    });
    const ex = await h.start([fn]);
    ex.start();
    await ex.send(Array.from({ length: 10 }, (_, n) => ({ name: "test/live", data: { n } })));
    for (let i = 0; i < 100 && (await h.runsOf("live")).some((r) => r.status !== "completed"); i++) await pause(50);
    await ex.stop();
    expect((await h.runsOf("live")).map((r) => r.output).sort((a, b) => Number(a) - Number(b))).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
  });
});
