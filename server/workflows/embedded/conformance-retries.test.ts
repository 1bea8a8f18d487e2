import { NonRetriableError } from "inngest";
import { describe, expect, it } from "vitest";
import { createTestHarness } from "./testing/test-executor";
import { logOf } from "./testing/runs";

describe("embedded executor: retries and failures", () => {
  it("retries a failing step alone, and stops at max_attempts", async () => {
    const h = createTestHarness();
    const calls = { before: 0, flaky: 0 };
    const fn = h.inngest.createFunction({ id: "flaky", retries: 2, triggers: [{ event: "test/go" }] }, async ({ step }) => {
      await step.run("before", () => ++calls.before);
      await step.run("flaky", () => {
        calls.flaky++;
        throw new Error("boom");
      });
      return "unreachable";
    });
    const ex = await h.start([fn]);
    await ex.send({ name: "test/go" });
    await ex.advance("1h");
    const run = await h.onlyRun("flaky");
    expect(run.status).toBe("failed");
    expect(calls).toEqual({ before: 1, flaky: 3 });
    expect(JSON.stringify(run.error)).toContain("boom");
    const kinds = (await logOf(run.id)).map((l) => l.kind);
    expect(kinds.filter((k) => k === "step.error")).toHaveLength(2);
  });

  it("a step whose output PostgreSQL cannot store (U+0000) fails the run with a clear error, not a retry loop", async () => {
    const h = createTestHarness();
    let after = 0;
    const fn = h.inngest.createFunction({ id: "nul", retries: 3, triggers: [{ event: "test/go" }] }, async ({ step }) => {
      const text = await step.run("nul", () => "a\u0000b");
      await step.run("after", () => ++after);
      return text;
    });
    const plain = h.inngest.createFunction({ id: "backslash", triggers: [{ event: "test/go" }] }, async ({ step }) => step.run("text", () => "a\\u0000b"));
    const ex = await h.start([fn, plain]);
    await ex.send({ name: "test/go" });
    await ex.advance("1h");
    const run = await h.onlyRun("nul");
    expect(run.status).toBe("failed");
    expect(JSON.stringify(run.error)).toContain("U+0000");
    expect(after).toBe(0);
    // A backslash before "u0000" is an ordinary string.
    expect(await h.onlyRun("backslash")).toMatchObject({ status: "completed", output: "a\\u0000b" });
  });

  it("a step that recovers on retry completes the run", async () => {
    const h = createTestHarness();
    let attempts = 0;
    const fn = h.inngest.createFunction({ id: "recovers", triggers: [{ event: "test/go" }] }, async ({ step }) => {
      const value = await step.run("sometimes", () => {
        if (++attempts < 3) throw new Error("not yet");
        return attempts;
      });
      return { value };
    });
    const ex = await h.start([fn]);
    await ex.send({ name: "test/go" });
    await ex.advance("1m");
    expect(await h.onlyRun("recovers")).toMatchObject({ status: "completed", output: { value: 3 } });
  });

  it("NonRetriableError fails at once and onFailure runs", async () => {
    const h = createTestHarness();
    let tries = 0;
    const failures: unknown[] = [];
    const fn = h.inngest.createFunction(
      { id: "hopeless", triggers: [{ event: "test/go" }], onFailure: async ({ error }) => void failures.push(error.message) },
      async ({ step }) => {
        await step.run("no", () => {
          tries++;
          throw new NonRetriableError("bad input");
        });
      },
    );
    const ex = await h.start([fn]);
    await ex.send({ name: "test/go" });
    await ex.advance("1h");
    expect(tries).toBe(1);
    expect((await h.onlyRun("hopeless")).status).toBe("failed");
    expect(failures).toEqual(["bad input"]);
    expect((await h.onlyRun("hopeless-failure")).status).toBe("completed");
  });

  it("an error outside steps is retried as a whole until max_attempts", async () => {
    const h = createTestHarness();
    let calls = 0;
    const fn = h.inngest.createFunction({ id: "outside", retries: 1, triggers: [{ event: "test/go" }] }, async () => {
      calls++;
      throw new Error("outside a step");
    });
    const ex = await h.start([fn]);
    await ex.send({ name: "test/go" });
    await ex.advance("1h");
    expect(calls).toBe(2);
    expect((await h.onlyRun("outside")).status).toBe("failed");
  });

  it("fails a run that uses an op the executor does not support, with a clear error", async () => {
    const h = createTestHarness();
    const other = h.inngest.createFunction({ id: "callee", triggers: [{ event: "test/never" }] }, async () => 1);
    const fn = h.inngest.createFunction({ id: "invoker", triggers: [{ event: "test/go" }] }, async ({ step }) => step.invoke("call", { function: other }));
    const ex = await h.start([fn, other]);
    await ex.send({ name: "test/go" });
    await ex.advance("1m");
    const run = await h.onlyRun("invoker");
    expect(run.status).toBe("failed");
    expect(JSON.stringify(run.error)).toMatch(/InvokeFunction.*not support/);
  });
});
