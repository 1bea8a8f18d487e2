import { InngestTestEngine } from "@inngest/test";
import { NonRetriableError } from "inngest";
import { describe, expect, it } from "vitest";
import { createTestHarness } from "./testing/test-executor";

// The same functions, run by the embedded executor and by @inngest/test: same results.
describe("embedded executor vs @inngest/test", () => {
  it("parallel steps then a dependent step", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "par", triggers: [{ event: "test/go" }] }, async ({ event, step }) => {
      const [a, b] = await Promise.all([step.run("a", () => (event.data.x as number) * 2), step.run("b", () => (event.data.x as number) + 1)]);
      return step.run("sum", () => ({ sum: a + b, at: new Date("2026-01-01T00:00:00Z") }));
    });
    const { result } = await new InngestTestEngine({ function: fn, events: [{ name: "test/go", data: { x: 5 } }] }).execute();
    const ex = await h.start([fn]);
    await ex.send({ name: "test/go", data: { x: 5 } });
    await ex.drain();
    expect((await h.onlyRun("par")).output).toEqual(JSON.parse(JSON.stringify(result)));
    expect(result).toMatchObject({ sum: 16 });
  });

  it("sequential steps feeding each other, with a sleep", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "seq", triggers: [{ event: "test/go" }] }, async ({ event, step }) => {
      const first = await step.run("first", () => `${event.data.name}!`);
      await step.sleep("pause", "1h");
      const second = await step.run("second", () => first.toUpperCase());
      return { first, second, missing: undefined };
    });
    // @inngest/test hangs on an unmocked sleep, so the sleep is mocked there.
    const { result } = await new InngestTestEngine({ function: fn, events: [{ name: "test/go", data: { name: "ada" } }], steps: [{ id: "pause", handler: () => null }] }).execute();
    const ex = await h.start([fn]);
    await ex.send({ name: "test/go", data: { name: "ada" } });
    await ex.advance("1h");
    expect((await h.onlyRun("seq")).output).toEqual(JSON.parse(JSON.stringify(result)));
    expect(result).toMatchObject({ first: "ada!", second: "ADA!" });
  });

  it("a NonRetriableError fails the run with the same message", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "bad", triggers: [{ event: "test/go" }] }, async () => {
      throw new NonRetriableError("no way");
    });
    const { error } = await new InngestTestEngine({ function: fn, events: [{ name: "test/go", data: {} }] }).execute();
    const ex = await h.start([fn]);
    await ex.send({ name: "test/go" });
    await ex.drain();
    const run = await h.onlyRun("bad");
    expect(run.status).toBe("failed");
    expect((run.error as { message: string }).message).toBe((error as { message: string }).message);
  });
});
