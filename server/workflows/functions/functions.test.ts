import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { sessions, signInAttempts } from "@/db/schema";
import { createUser } from "@/test/fixtures";
import { inngest } from "../client";
import { VirtualClock } from "../embedded/clock";
import { createAppExecutor } from "../embedded/start-embedded";
import { runsOf } from "../embedded/testing/runs";
import { maintenanceRequested } from "../events";

const appExecutor = () => createAppExecutor({ clock: new VirtualClock(new Date()) });

describe("the app's functions", () => {
  it("all register with the embedded executor", async () => {
    const executor = await appExecutor();
    expect([...executor.ctx.registry.keys()]).toContain("parcours-maintenance.prune-sign-in-failures");
  });

  it("prune-sign-in-failures drops rows older than the throttling window and expired sessions, on request through the client", async () => {
    const db = await getDb();
    const user = await createUser();
    await db.insert(sessions).values([
      { sessionToken: "expired", userId: user.id, expires: new Date(Date.now() - 1000) },
      { sessionToken: "live", userId: user.id, expires: new Date(Date.now() + 60_000) },
    ]);
    await db.insert(signInAttempts).values([
      { key: "email:old@example.com", attempts: 3, windowStartedAt: new Date(Date.now() - 3_600_000) },
      { key: "email:new@example.com", attempts: 3, windowStartedAt: new Date() },
    ]);
    const executor = await appExecutor();
    await inngest.send(maintenanceRequested.create({ task: "prune-sign-in-failures" }));
    await executor.drain();
    const [run] = await runsOf("parcours-maintenance.prune-sign-in-failures");
    expect(run).toMatchObject({ status: "completed", output: { removed: 1, sessionsRemoved: 1 } });
    expect((await db.select().from(sessions)).map((r) => r.sessionToken)).toEqual(["live"]);
    expect((await db.select().from(signInAttempts)).map((r) => r.key)).toEqual(["email:new@example.com"]);
  });

  it("refuses an event whose payload does not match its schema, naming the field", async () => {
    await expect(inngest.send(maintenanceRequested.create({ task: "nope" as "prune-sign-in-failures" }))).rejects.toThrow(/task/);
  });
});
