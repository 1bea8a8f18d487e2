import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { journeyEnrollments, journeys, profiles, webhookDeliveries } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { stopJourney } from "@/server/journeys/control-journey";
import { finishTogether } from "@/server/journeys/engine/trace-together";
import { journeyIn } from "@/server/journeys/testing/journey-fixtures";
import { createTeam } from "@/test/fixtures";
import { createEndpoint } from "./manage-endpoints";

describe("journey.exited", () => {
  it("is queued once per finished enrollment, not for test enrollments nor for ones already finished", async () => {
    const { workspace } = await createTeam("Exits");
    await createEndpoint(workspace.id, { url: "https://example.com/hooks", eventTypes: ["journey.exited"] }, cliActor);
    const db = await getDb();
    const journey = await journeyIn(workspace.id, "live");
    const [live] = await db.select({ versionId: journeys.liveVersionId }).from(journeys).where(eq(journeys.id, journey.id));
    const people = await db.insert(profiles).values([{ workspaceId: workspace.id }, { workspaceId: workspace.id }]).returning({ id: profiles.id });
    const enrollments = await db
      .insert(journeyEnrollments)
      .values(people.map((p, i) => ({ workspaceId: workspace.id, journeyId: journey.id, versionId: live!.versionId!, profileId: p.id, isTest: i === 1 })))
      .returning({ id: journeyEnrollments.id });
    const ats = enrollments.map((e) => ({ enrollmentId: e.id, left: null }));
    await finishTogether(ats, "completed", "path ended");
    await finishTogether(ats, "completed", "path ended");
    const queued = await db.select({ payload: webhookDeliveries.payload }).from(webhookDeliveries).where(eq(webhookDeliveries.workspaceId, workspace.id));
    expect(queued).toHaveLength(1);
    expect(queued[0]!.payload).toMatchObject({ type: "journey.exited", data: { journeyId: journey.id, enrollmentId: enrollments[0]!.id, profileId: people[0]!.id, status: "completed", reason: "path ended" } });
  });

  it("is queued for every live enrollment a stopped journey ends, with status stopped", async () => {
    const { workspace } = await createTeam("Stop exits");
    await createEndpoint(workspace.id, { url: "https://example.com/hooks", eventTypes: ["journey.exited"] }, cliActor);
    const db = await getDb();
    const journey = await journeyIn(workspace.id, "live");
    const [live] = await db.select({ versionId: journeys.liveVersionId }).from(journeys).where(eq(journeys.id, journey.id));
    const people = await db.insert(profiles).values([{ workspaceId: workspace.id }, { workspaceId: workspace.id }, { workspaceId: workspace.id }]).returning({ id: profiles.id });
    await db.insert(journeyEnrollments).values(people.map((p, i) => ({ workspaceId: workspace.id, journeyId: journey.id, versionId: live!.versionId!, profileId: p.id, isTest: i === 2 })));
    const { ended } = await stopJourney(workspace.id, journey.id, cliActor);
    expect(ended).toBe(2);
    const queued = await db.select({ payload: webhookDeliveries.payload }).from(webhookDeliveries).where(eq(webhookDeliveries.workspaceId, workspace.id));
    expect(queued.map((q) => (q.payload as { data: { profileId: string } }).data.profileId).sort()).toEqual([people[0]!.id, people[1]!.id].sort());
    expect(queued[0]!.payload).toMatchObject({ type: "journey.exited", data: { journeyId: journey.id, status: "stopped", reason: "journey stopped" } });
  });
});
