import { beforeAll, describe, expect, it } from "vitest";
import { createAudience } from "@/server/audiences/manage-audiences";
import { cliActor } from "@/server/audit/actor";
import { startEmbeddedExecutor } from "@/server/workflows/embedded/start-embedded";
import { callerFor, createTeam } from "@/test/fixtures";

let team: Awaited<ReturnType<typeof createTeam>>;
let audienceId: string;
beforeAll(async () => {
  // Activation sends an event: an executor (not polling) takes it.
  await (await startEmbeddedExecutor()).stop();
  team = await createTeam("Campaign reviews");
  audienceId = (await createAudience(team.workspace.id, { kind: "list", name: "Review list" }, cliActor)).id;
});

const as = (role: "admin" | "approver" | "manager" | "viewer") => callerFor(team.users[role]).campaigns;
const draft = (name: string) => ({ name, type: "scheduled" as const, audienceId, kind: "sms" as const, content: { text: "Hi {{ profile.firstName }}" }, schedule: { type: "at" as const, at: "2099-06-01T09:00", timezone: "Europe/Paris" } });

describe("campaign approval", () => {
  it("is on by default: a draft cannot be activated before an approver approves it", async () => {
    const ws = team.workspace.id;
    const c = await as("manager").create({ workspaceId: ws, campaign: draft("Needs review") });
    await expect(as("manager").activate({ workspaceId: ws, campaignId: c.id })).rejects.toThrow(/approved/);
    await as("manager").submit({ workspaceId: ws, campaignId: c.id });
    expect((await as("viewer").awaitingReview({ workspaceId: ws })).count).toBeGreaterThan(0);
    await expect(as("manager").approve({ workspaceId: ws, campaignId: c.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as("viewer").submit({ workspaceId: ws, campaignId: c.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const approved = await as("approver").approve({ workspaceId: ws, campaignId: c.id, comment: "Looks good" });
    expect(approved).toMatchObject({ status: "approved", reviewedById: team.users.approver.id, reviewComment: "Looks good" });
    expect((await as("manager").activate({ workspaceId: ws, campaignId: c.id })).status).toBe("active");
  });

  it("never lets the submitter review their own submission, even an admin", async () => {
    const ws = team.workspace.id;
    const c = await as("admin").create({ workspaceId: ws, campaign: draft("Own submission") });
    await as("admin").submit({ workspaceId: ws, campaignId: c.id });
    await expect(as("admin").approve({ workspaceId: ws, campaignId: c.id })).rejects.toThrow(/another approver/);
    await expect(as("admin").reject({ workspaceId: ws, campaignId: c.id, comment: "no" })).rejects.toThrow(/another approver/);
    expect((await as("approver").reject({ workspaceId: ws, campaignId: c.id, comment: "Change the text" })).status).toBe("rejected");
    // Reworked and submitted again.
    expect((await as("admin").submit({ workspaceId: ws, campaignId: c.id })).status).toBe("in_review");
  });

  it("sends an edited approved campaign back to draft with a new version", async () => {
    const ws = team.workspace.id;
    const c = await as("manager").create({ workspaceId: ws, campaign: draft("Edited") });
    await as("manager").submit({ workspaceId: ws, campaignId: c.id });
    await as("approver").approve({ workspaceId: ws, campaignId: c.id });
    const edited = await as("manager").update({ workspaceId: ws, campaignId: c.id, campaign: { ...draft("Edited"), content: { text: "Changed" } } });
    expect(edited).toMatchObject({ status: "draft", version: 2 });
    await expect(as("manager").activate({ workspaceId: ws, campaignId: c.id })).rejects.toThrow(/approved/);
  });

  it("validates the schedule and the content", async () => {
    const ws = team.workspace.id;
    await expect(as("manager").create({ workspaceId: ws, campaign: { ...draft("Past"), schedule: { type: "at", at: "2001-01-01T09:00", timezone: "UTC" } } })).rejects.toThrow(/in the past/);
    await expect(as("manager").create({ workspaceId: ws, campaign: { ...draft("Zone"), schedule: { type: "at", at: "2099-01-01T09:00", timezone: "Mars/Olympus" } } })).rejects.toThrow(/time zone/);
    await expect(as("manager").create({ workspaceId: ws, campaign: { ...draft("Liquid"), content: { text: "Hi {{ profile.firstName " } } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
