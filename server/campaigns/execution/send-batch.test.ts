import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { audienceMembers, campaignExecutions, messages, profiles } from "@/db/schema";
import { createAudience } from "@/server/audiences/manage-audiences";
import { cliActor } from "@/server/audit/actor";
import { sendingLeaseMs } from "@/server/messaging/claim-message";
import { createAppExecutor } from "@/server/workflows/embedded/start-embedded";
import { callerFor, createTeam } from "@/test/fixtures";
import { sendBatch } from "./send-batch";
import { snapshotAudience } from "./snapshot-audience";

let executionId: string;
let profileIds: string[];
let workspaceId: string;

beforeAll(async () => {
  const team = await createTeam("Send batch");
  workspaceId = team.workspace.id;
  const db = await getDb();
  await callerFor(team.users.admin).campaigns.setApproval({ workspaceId, required: false });
  const audienceId = (await createAudience(workspaceId, { kind: "list", name: "Three" }, cliActor)).id;
  profileIds = (await db.insert(profiles).values([1, 2, 3].map((i) => ({ workspaceId, attributes: { firstName: `P${i}`, email: `p${i}@example.com` } }))).returning({ id: profiles.id })).map((p) => p.id).sort();
  await db.insert(audienceMembers).values(profileIds.map((profileId) => ({ audienceId, profileId, workspaceId })));
  await createAppExecutor(); // not started: the activation's event is only stored
  const manager = callerFor(team.users.manager);
  const campaign = await manager.campaigns.create({ workspaceId, campaign: { name: "Held", type: "scheduled", audienceId, kind: "email", content: { subject: "Hi {{ profile.firstName }}", html: "<p>Hi</p>" }, schedule: { type: "now" } } });
  await manager.campaigns.activate({ workspaceId, campaignId: campaign.id });
  const [execution] = await db.select({ id: campaignExecutions.id }).from(campaignExecutions).where(eq(campaignExecutions.campaignId, campaign.id));
  executionId = execution!.id;
  await snapshotAudience(executionId);
});

const messagesOf = async () => (await getDb()).select().from(messages).where(and(eq(messages.sourceType, "campaign"), eq(messages.sourceId, executionId)));

describe("sendBatch", () => {
  it("leaves what a dead worker holds until its lease ends (waitUntil), then sends it once", async () => {
    const db = await getDb();
    const held = new Date();
    // A worker claimed the second recipient's message, then died before storing the send.
    await db.insert(messages).values({ workspaceId, profileId: profileIds[1]!, pluginId: "dev-inbox", kind: "email", sourceType: "campaign", sourceId: executionId, stepId: "send", idempotencyKey: `campaign:${executionId}:send:${profileIds[1]}`, status: "sending", updatedAt: held });
    const first = await sendBatch(executionId, 0, 3);
    expect(first).toMatchObject({ done: false, status: "sending", processed: 0, waitUntil: new Date(held.getTime() + sendingLeaseMs()).toISOString() });
    expect((await messagesOf()).map((m) => m.status).sort()).toEqual(["delivered", "delivered", "sending"]);

    await db.update(messages).set({ updatedAt: new Date(Date.now() - sendingLeaseMs()) }).where(eq(messages.status, "sending"));
    const again = await sendBatch(executionId, 0, 3);
    expect(again).toMatchObject({ done: true, processed: 3 });
    const sent = await messagesOf();
    expect(sent.map((m) => m.status)).toEqual(["delivered", "delivered", "delivered"]);
    expect(new Set(sent.map((m) => m.profileId)).size).toBe(3);
    const [execution] = await db.select().from(campaignExecutions).where(eq(campaignExecutions.id, executionId));
    expect(execution!.processed).toBe(3);
  });
});
