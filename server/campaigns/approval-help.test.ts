import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { addMember, callerFor, createTeam, createUser } from "@/test/fixtures";
import { otherApprovers } from "./approval-help";
import { approvalRequired } from "./approval-setting";

describe("approval for a workspace of one", () => {
  it("starts off in a new workspace: its only member could never approve their own campaign", async () => {
    const ws = await callerFor(await createUser()).workspaces.create({ name: "Solo shop" });
    expect(await approvalRequired(await getDb(), ws.id)).toBe(false);
  });

  it("counts the members other than the submitter who may approve", async () => {
    const db = await getDb();
    const team = await createTeam("Reviewers");
    expect(await approvalRequired(db, team.workspace.id)).toBe(true);
    // admin and approver may approve; manager and viewer may not.
    expect(await otherApprovers(db, team.workspace.id, team.users.manager.id)).toBe(2);
    expect(await otherApprovers(db, team.workspace.id, team.users.admin.id)).toBe(1);
    const solo = await callerFor(team.users.viewer).workspaces.create({ name: "Viewer's own" });
    expect(await otherApprovers(db, solo.id, team.users.viewer.id)).toBe(0);
    await addMember(solo.id, "approver");
    expect(await otherApprovers(db, solo.id, team.users.viewer.id)).toBe(1);
  });
});
