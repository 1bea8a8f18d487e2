import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { wfRuns } from "@/db/schema";
import { VirtualClock } from "../embedded/clock";
import { createAppExecutor } from "../embedded/start-embedded";
import { runsOf } from "../embedded/testing/runs";

describe("maintenance.prune-runs", () => {
  it("runs nightly on its cron and deletes the instance's finished runs older than 30 days, not its running ones", async () => {
    const db = await getDb();
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
    const base = { fnId: "test-old", event: { name: "test/e", data: {} }, workspaceId: null, maxAttempts: 1 };
    const [expired, running, recent] = await db
      .insert(wfRuns)
      .values([
        { ...base, status: "completed", startedAt: daysAgo(41), endedAt: daysAgo(40) },
        { ...base, status: "running", startedAt: daysAgo(90) },
        { ...base, status: "failed", startedAt: daysAgo(11), endedAt: daysAgo(10) },
      ])
      .returning({ id: wfRuns.id });
    const executor = await createAppExecutor({ clock: new VirtualClock(new Date()) });
    await executor.advance("1d"); // passes 03:47 UTC once

    const [run] = await runsOf("parcours-maintenance.prune-runs");
    expect(run).toMatchObject({ status: "completed", output: { deleted: 1 } });
    const left = await db.select({ id: wfRuns.id }).from(wfRuns).where(inArray(wfRuns.id, [expired!.id, running!.id, recent!.id]));
    expect(left.map((r) => r.id).sort()).toEqual([running!.id, recent!.id].sort());
  });
});
