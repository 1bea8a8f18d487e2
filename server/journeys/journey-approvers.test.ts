import { and, eq, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { members } from "@/db/schema";
import { createTeam } from "@/test/fixtures";
import { getJourney } from "./query-journeys";
import { journeyIn } from "./testing/journey-fixtures";

describe("a journey's approvers", () => {
  it("counts the members other than the viewer who may approve: none once the admin is alone", async () => {
    const team = await createTeam("Journey approvers");
    const journey = await journeyIn(team.workspace.id);
    const admin = team.users.admin.id;
    expect((await getJourney(team.workspace.id, journey.id, admin)).otherApprovers).toBe(1);
    const db = await getDb();
    await db.delete(members).where(and(eq(members.workspaceId, team.workspace.id), ne(members.userId, admin)));
    expect(await getJourney(team.workspace.id, journey.id, admin)).toMatchObject({ approvalRequired: true, otherApprovers: 0 });
  });
});
