import { createHash } from "node:crypto";
import type { TInvoker } from "@/server/workflows/embedded/call-function";
import { benchApp, counted, runsEnded } from "./bench-app";
import type { TBenchDatabase } from "./bench-database";
import { measureCpu, round } from "./cpu-meter";

// Steps per run: 10 by default; BENCH_STEPS=3 is the shape of the baseline (a run of 3 steps, 4 calls).
const STEPS = Number(process.env.BENCH_STEPS ?? 10);
// The request version the bare handler is sent: -1 as the executor sends it; 2 for the figures before that change.
const BARE_VERSION = Number(process.env.BENCH_BARE_VERSION ?? -1);

/**
 * Step calls through the executor (one process) against the bare serve handler driven with
 * the state in memory, in the same run: CPU per call of each, and the executor's overhead.
 */
export async function stepCalls(database: TBenchDatabase, options: { runs: number; parallelism: number }) {
  const app = benchApp("bench", (inngest) => [
    inngest.createFunction({ id: "steps", retries: 0, triggers: [{ event: "bench/steps" }] }, async ({ step }) => {
      let total = 0;
      for (let i = 0; i < STEPS; i++) total += await step.run(`s${i}`, () => i);
      return total;
    }),
  ]);
  await bareCalls(app.invoke, 200); // warm-up
  const bareRuns = Math.max(200, Math.round(options.runs / 4));
  const bare = await measureCpu(null, () => bareCalls(app.invoke, bareRuns));
  const bareCallsMade = bareRuns * (STEPS + 1);

  const executor = app.executor(database.db, { parallelism: options.parallelism });
  for (let i = 0; i < options.runs; i += 1000) await executor.send(Array.from({ length: Math.min(1000, options.runs - i) }, () => ({ name: "bench/steps" })));
  await warmPool(database, options.parallelism);
  const callsBefore = app.calls();
  const completionsBefore = app.completions();
  // Runs are counted as their last call returns, not by polling wf_runs: a count every 200 ms
  // over the runs table is PostgreSQL CPU the executor does not spend.
  const through = await measureCpu(database, async () => {
    executor.start();
    await counted(() => app.completions() - completionsBefore, options.runs, 600_000);
    await executor.stop();
  });
  if (!(await runsEnded(database.db, "bench-steps", options.runs, 30_000))) throw new Error("step calls: not every run ended");
  const calls = app.calls() - callsBefore;
  // Measured again after the executor: on a shared host the load moves during a run.
  const bareAfter = await measureCpu(null, () => bareCalls(app.invoke, bareRuns));
  const perCallMs = (s: number, n: number) => round((s * 1000) / n, 3);
  const bareNode = perCallMs((bare.node_cpu_s + bareAfter.node_cpu_s) / 2, bareCallsMade);
  const execNode = perCallMs(through.node_cpu_s, calls);
  return {
    steps_per_run: STEPS,
    runs: options.runs,
    calls,
    calls_per_s: Math.round(calls / through.wall_s),
    executor: through,
    bare_handler: { calls: bareCallsMade, ...bare, calls_per_s: Math.round(bareCallsMade / bare.wall_s), request_version: BARE_VERSION },
    bare_handler_after: { calls: bareCallsMade, ...bareAfter },
    bare_node_cpu_ms_per_call_before_after: [perCallMs(bare.node_cpu_s, bareCallsMade), perCallMs(bareAfter.node_cpu_s, bareCallsMade)],
    bare_node_cpu_ms_per_call: bareNode,
    executor_node_cpu_ms_per_call: execNode,
    overhead_node_cpu_ms_per_call: round(execNode - bareNode, 3),
    pg_cpu_ms_per_call: perCallMs(through.pg_cpu_s, calls),
  };
}

/** The function driven straight through the serve handler, state in memory: the floor. */
async function bareCalls(invoke: TInvoker, runs: number) {
  const ids = Array.from({ length: STEPS }, (_, i) => createHash("sha1").update(`s${i}`).digest("hex"));
  for (let r = 0; r < runs; r++) {
    const steps: Record<string, unknown> = {};
    const stack: string[] = [];
    for (let i = 0; i <= STEPS; i++) {
      const body = JSON.stringify({ event: { name: "bench/steps", data: {} }, events: [{ name: "bench/steps", data: {} }], steps, ctx: { run_id: `r${r}`, attempt: 0, max_attempts: 1, disable_immediate_execution: false, use_api: false, stack: { stack, current: stack.length } }, version: BARE_VERSION });
      const res = await invoke({ fnId: "bench-steps", stepId: "step" }, body);
      const reply = JSON.parse(res.body) as { id: string; data: unknown }[] | number;
      if (i === STEPS) continue;
      const op = (reply as { id: string; data: unknown }[])[0]!;
      if (op.id !== ids[i]) throw new Error(`bare handler: expected step s${i}, got ${JSON.stringify(reply)}`);
      steps[op.id] = { data: op.data };
      stack.push(op.id);
    }
  }
}

/** Opens every pooled connection now, so the backends measured are there before and after. */
async function warmPool(database: TBenchDatabase, n: number) {
  const { sql } = await import("drizzle-orm");
  await Promise.all(Array.from({ length: n + 2 }, () => database.db.execute(sql`select pg_sleep(0.05)`)));
}
