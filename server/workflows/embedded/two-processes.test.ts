import { spawn } from "node:child_process";
import { sql } from "drizzle-orm";
import { Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { embeddedClientOptions } from "../client";
import { inProcessInvoker } from "./in-process-handler";
import { EmbeddedExecutor } from "./executor";
import { quietLogger as quiet } from "./testing/quiet-logger";
import { runsOf } from "./testing/runs";
import { sharedFunctions } from "./testing/shared-functions";

const url = process.env.PARCOURS_TEST_DATABASE_URL;

// PGlite is one process's database, so this runs in the PostgreSQL pass of the suite.
describe.runIf(url)("embedded executor: two OS processes on one PostgreSQL", () => {
  it("share the work, and every step runs once", async () => {
    const appId = `two-${crypto.randomUUID().slice(0, 6)}`;
    const db = await getDb();
    await db.execute(sql`create table if not exists test_step_exec (run_id text, step text, pid int)`);
    const child = spawn(process.execPath, ["--import", "tsx", "server/workflows/embedded/testing/worker-process.ts"], {
      env: { ...process.env, DATABASE_URL: url, WORKER_APP_ID: appId },
      stdio: ["pipe", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
      child.on("exit", (code) => reject(new Error(`worker exited with ${code}`)));
    });
    const inngest = new Inngest({ ...embeddedClientOptions(appId, () => null), logger: quiet, internalLogger: quiet });
    const functions = sharedFunctions(inngest, db);
    const executor = new EmbeddedExecutor({ db: await getDb(), functions, appId, invoke: inProcessInvoker({ client: inngest, functions }), pollMs: 20, parallelism: 4 });
    executor.start();
    await executor.send(Array.from({ length: 40 }, (_, i) => ({ name: "test/shared", data: { i } })));
    const done = async () => (await runsOf(`${appId}-shared-work`)).filter((r) => r.status === "completed");
    for (let i = 0; i < 300 && (await done()).length < 40; i++) await new Promise((r) => setTimeout(r, 100));
    await executor.stop();
    child.stdin.end();
    await new Promise((r) => child.on("exit", r));

    const runs = await done();
    expect(runs).toHaveLength(40);
    const pids = new Set(runs.flatMap((r) => Object.values(r.output as Record<string, number>)));
    expect(pids).toEqual(new Set([process.pid, child.pid]));
    const executions = (await db.execute(sql`select run_id, step, count(*)::int as n from test_step_exec group by 1, 2`)) as unknown as { n: number }[];
    expect(executions).toHaveLength(80);
    expect(executions.every((e) => e.n === 1)).toBe(true);
  }, 60_000);
});
