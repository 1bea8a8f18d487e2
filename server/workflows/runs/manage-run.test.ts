import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, wfRuns } from "@/db/schema";
import { callerFor, createTeam } from "@/test/fixtures";

// Holding the run's row while other cancels read it needs a second connection: PGlite has one.
const onPostgres = Boolean(process.env.PARCOURS_TEST_DATABASE_URL);

describe.runIf(onPostgres)("cancelling a run (PostgreSQL: concurrent connections)", () => {
  it("cancels it once: a cancel that finds the run already closed is refused and leaves no audit entry", async () => {
    const team = await createTeam("Cancel once");
    const workspaceId = team.workspace.id;
    const db = await getDb();
    const [run] = await db
      .insert(wfRuns)
      .values({ fnId: "test-fn", status: "running", event: { name: "test/e", data: {} }, workspaceId, maxAttempts: 1, startedAt: new Date() })
      .returning({ id: wfRuns.id });
    const runs = callerFor(team.users.admin).runs;
    // The run's row is held while four cancels read it as running; then each tries to close it in turn.
    let cancels: Promise<unknown>[] = [];
    await db.transaction(async (tx) => {
      await tx.select({ id: wfRuns.id }).from(wfRuns).where(eq(wfRuns.id, run!.id)).for("update");
      cancels = Array.from({ length: 4 }, () => runs.cancel({ workspaceId, runId: run!.id }));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    });
    const outcomes = await Promise.allSettled(cancels);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === "rejected")) expect((o as PromiseRejectedResult).reason).toMatchObject({ code: "BAD_REQUEST" });
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, "run.cancel")));
    expect(entries).toHaveLength(1);
  });
});
