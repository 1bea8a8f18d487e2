import { count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { wfJobs, wfRunLog, wfRuns, wfWaits } from "@/db/schema";
import { callerFor, createTeam, trpcCodeOf } from "@/test/fixtures";
import { pruneRuns } from "./prune-runs";

const now = new Date("2026-12-07T04:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

/** A run started and (unless running) ended `ended` days ago, with a job, a wait and a log row. */
async function runOf(workspaceId: string | null, status: "running" | "completed" | "failed" | "cancelled", ended: number) {
  const db = await getDb();
  const at = daysAgo(ended);
  const [run] = await db
    .insert(wfRuns)
    .values({ fnId: "test-fn", status, event: { name: "test/e", data: {} }, workspaceId, maxAttempts: 1, startedAt: daysAgo(ended + 1), endedAt: status === "running" ? null : at })
    .returning({ id: wfRuns.id });
  const runId = run!.id;
  await db.insert(wfJobs).values({ runId, fnId: "test-fn", kind: "call", stepId: "step", runAt: at, doneAt: status === "running" ? null : at });
  await db.insert(wfWaits).values({ runId, stepId: "w", eventName: "test/never", createdAt: at, expiresAt: at, resolvedAt: at });
  await db.insert(wfRunLog).values({ runId, kind: "step", startedAt: at, endedAt: at });
  return runId;
}

async function remaining(ids: string[]) {
  const db = await getDb();
  const runs = await db.select({ id: wfRuns.id }).from(wfRuns).where(inArray(wfRuns.id, ids));
  const [jobs] = await db.select({ n: count() }).from(wfJobs).where(inArray(wfJobs.runId, ids));
  const [waits] = await db.select({ n: count() }).from(wfWaits).where(inArray(wfWaits.runId, ids));
  const [logs] = await db.select({ n: count() }).from(wfRunLog).where(inArray(wfRunLog.runId, ids));
  return { runs: runs.map((r) => r.id), children: [jobs!.n, waits!.n, logs!.n] };
}

let teamA: Awaited<ReturnType<typeof createTeam>>;
let teamB: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  teamA = await createTeam("Prune A");
  teamB = await createTeam("Prune B");
});

describe("pruning finished runs", () => {
  it("deletes finished runs past each owner's retention with their jobs, waits and log rows; keeps running and recent ones", async () => {
    await callerFor(teamA.users.admin).runs.setRetention({ workspaceId: teamA.workspace.id, days: 7 });
    const a = teamA.workspace.id;
    const b = teamB.workspace.id; // the default: 30 days
    const expired = [await runOf(a, "completed", 10), await runOf(a, "failed", 8), await runOf(a, "cancelled", 100), await runOf(b, "completed", 40), await runOf(null, "failed", 31)];
    const kept = [await runOf(a, "completed", 3), await runOf(a, "running", 60), await runOf(b, "completed", 10), await runOf(b, "running", 400), await runOf(null, "completed", 20)];

    const result = await pruneRuns({ now, batchSize: 2 });

    expect(result).toEqual({ deleted: 5, more: false });
    expect(await remaining(expired)).toEqual({ runs: [], children: [0, 0, 0] });
    expect((await remaining(kept)).runs.sort()).toEqual([...kept].sort());
    expect((await remaining(kept)).children).toEqual([5, 5, 5]);
  });

  it("stops after maxRuns and says more is left; the next call goes on", async () => {
    const ids = await Promise.all([1, 2, 3, 4, 5].map(() => runOf(teamB.workspace.id, "completed", 50)));
    expect(await pruneRuns({ now, batchSize: 2, maxRuns: 3 })).toEqual({ deleted: 4, more: true });
    expect(await pruneRuns({ now, batchSize: 2, maxRuns: 3 })).toEqual({ deleted: 1, more: false });
    expect((await remaining(ids)).runs).toEqual([]);
  });
});

describe("the retention setting", () => {
  it("is 30 days by default, 1 to 365, and an admin's change is audited", async () => {
    const admin = callerFor(teamB.users.admin).runs;
    const workspaceId = teamB.workspace.id;
    expect(await admin.retention({ workspaceId })).toEqual({ days: 30 });
    for (const days of [0, 366, 1.5]) {
      await expect(admin.setRetention({ workspaceId, days })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/"days"[\s\S]*days must be|days must be[\s\S]*"days"/) });
    }
    expect(await admin.setRetention({ workspaceId, days: 90 })).toEqual({ days: 90 });
    expect(await admin.retention({ workspaceId })).toEqual({ days: 90 });
    expect(await trpcCodeOf(callerFor(teamB.users.manager).runs.setRetention({ workspaceId, days: 5 }))).toBe("FORBIDDEN");
    const db = await getDb();
    const { auditLog } = await import("@/db/schema");
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "settings.run_retention"));
    expect(entry).toBeDefined();
  });
});
