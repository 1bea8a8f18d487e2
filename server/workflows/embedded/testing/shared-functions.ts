import { sql } from "drizzle-orm";
import type { Inngest } from "inngest";
import type { Db } from "@/db/client";

/**
 * Functions both processes of the two-process test define identically. Every execution of
 * a step body is recorded in `test_step_exec`, so the test can count them.
 */
export function sharedFunctions(inngest: Inngest.Any, db: Db) {
  const work = (runId: string, name: string) => async () => {
    await db.execute(sql`insert into test_step_exec (run_id, step, pid) values (${runId}, ${name}, ${process.pid})`);
    await new Promise((r) => setTimeout(r, 15));
    return process.pid;
  };
  return [
    inngest.createFunction({ id: "shared-work", triggers: [{ event: "test/shared" }] }, async ({ runId, step }) => {
      const first = await step.run("first", work(runId, "first"));
      const second = await step.run("second", work(runId, "second"));
      return { first, second };
    }),
  ];
}
