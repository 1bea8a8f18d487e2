import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { createTeam, createUser } from "@/test/fixtures";
import { acceptInvite, describeInvite } from "./accept-invite";
import { changeMemberRole, removeMember } from "./change-member";
import { inviteMember, revokeInvite } from "./invite-member";
import { listMembers } from "./list-members";
import { signInviteToken } from "./invite-token";

const tokenOf = (path: string) => path.replace("/invite/", "");
const joinsOf = async (workspaceId: string) =>
  (await getDb()).select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, "member.join")));

describe("members and invites", () => {
  it("an invited person joins with the invited role, once", async () => {
    const { workspace } = await createTeam("Join");
    const { path } = await inviteMember(workspace.id, { email: "new@example.com", role: "manager" }, cliActor);
    expect((await describeInvite(tokenOf(path))).workspace.id).toBe(workspace.id);
    const user = await createUser("new@example.com");
    await acceptInvite(tokenOf(path), user);
    expect((await listMembers(workspace.id)).find((m) => m.email === "new@example.com")?.role).toBe("manager");
    expect((await acceptInvite(tokenOf(path), user)).id).toBe(workspace.id);
    expect(await joinsOf(workspace.id)).toHaveLength(1);
    await expect(describeInvite(tokenOf(path))).rejects.toThrow(/already been used/);
    const member = (await listMembers(workspace.id)).find((m) => m.email === "new@example.com")!;
    await removeMember(workspace.id, member.id, cliActor);
    await expect(acceptInvite(tokenOf(path), user)).rejects.toThrow(/already been used/);
  });

  it("10 parallel accepts of one invite make one membership and one audit row", async () => {
    const { workspace } = await createTeam("Double click");
    const { path } = await inviteMember(workspace.id, { email: "eager@example.com", role: "viewer" }, cliActor);
    const user = await createUser("eager@example.com");
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => acceptInvite(tokenOf(path), user)));
    expect(results.map((r) => (r.status === "fulfilled" ? r.value.id : String(r.reason)))).toEqual(Array(10).fill(workspace.id));
    expect((await listMembers(workspace.id)).filter((m) => m.email === "eager@example.com")).toHaveLength(1);
    expect(await joinsOf(workspace.id)).toHaveLength(1);
  });

  it("only the invited address can accept", async () => {
    const { workspace } = await createTeam("Mine");
    const { path } = await inviteMember(workspace.id, { email: "right@example.com", role: "viewer" }, cliActor);
    const wrong = await createUser("wrong@example.com");
    await expect(acceptInvite(tokenOf(path), wrong)).rejects.toThrow(/for right@example.com/);
  });

  it("refuses withdrawn and expired invites with a clear message", async () => {
    const { workspace } = await createTeam("Dead links");
    const { path, invite } = await inviteMember(workspace.id, { email: "gone@example.com", role: "viewer" }, cliActor);
    await revokeInvite(workspace.id, invite.id, cliActor);
    await expect(describeInvite(tokenOf(path))).rejects.toThrow(/withdrawn/);
    const expired = signInviteToken(invite.id, new Date(Date.now() - 60_000));
    await expect(describeInvite(expired)).rejects.toThrow(/expired/);
  });

  it("refuses to invite an existing member", async () => {
    const { workspace, users } = await createTeam("Dup");
    await expect(inviteMember(workspace.id, { email: users.viewer.email, role: "viewer" }, cliActor)).rejects.toThrow(/already a member/);
  });

  it("keeps at least one admin", async () => {
    const { workspace, users } = await createTeam("Admins");
    const admin = (await listMembers(workspace.id)).find((m) => m.userId === users.admin.id)!;
    await expect(changeMemberRole(workspace.id, admin.id, "viewer", cliActor)).rejects.toThrow(/at least one admin/);
    await expect(removeMember(workspace.id, admin.id, cliActor)).rejects.toThrow(/at least one admin/);
    const viewer = (await listMembers(workspace.id)).find((m) => m.userId === users.viewer.id)!;
    await changeMemberRole(workspace.id, viewer.id, "admin", cliActor);
    await changeMemberRole(workspace.id, admin.id, "viewer", cliActor);
    expect((await listMembers(workspace.id)).find((m) => m.id === admin.id)?.role).toBe("viewer");
  });
});
