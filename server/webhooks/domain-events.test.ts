import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { publishMessageEvents, type TMessageRow } from "@/server/messaging/message-events";
import { mergeProfilesOnRequest } from "@/server/profiles/change-profile";
import { deleteProfile } from "@/server/profiles/gdpr";
import { resolveProfile } from "@/server/profiles/resolve-profile";
import { createTeam } from "@/test/fixtures";
import { WEBHOOK_EVENT_TYPES } from "./event-types";
import { createEndpoint, deleteEndpoint } from "./manage-endpoints";

const queued = async (workspaceId: string) => {
  const db = await getDb();
  return (await db.select({ type: webhookDeliveries.eventType, payload: webhookDeliveries.payload }).from(webhookDeliveries).where(eq(webhookDeliveries.workspaceId, workspaceId))).map((r) => r.type);
};

describe("domain events reach the webhook outbox", () => {
  it("queues profile created, merged, deleted and message events where they are recorded", async () => {
    const { workspace } = await createTeam("Domain");
    const endpoint = await createEndpoint(workspace.id, { url: "https://example.com/hooks", eventTypes: [...WEBHOOK_EVENT_TYPES] }, cliActor);
    const db = await getDb();
    const a = await db.transaction((tx) => resolveProfile(tx, workspace.id, [{ namespace: "external_id", value: "user-a" }]));
    const b = await db.transaction((tx) => resolveProfile(tx, workspace.id, [{ namespace: "email", value: "b@example.com" }]));
    await mergeProfilesOnRequest(workspace.id, b, a, cliActor);
    await deleteProfile(workspace.id, a, cliActor);
    const message = { id: "0190a0a0-0000-7000-8000-000000000001", workspaceId: workspace.id, profileId: a, kind: "email", recipient: "a@example.com", sourceType: "campaign", sourceId: null } as unknown as TMessageRow;
    await publishMessageEvents([{ message, type: "sent" }, { message, type: "clicked", url: "https://example.com" }, { message, type: "expired" }]);
    expect((await queued(workspace.id)).sort()).toEqual(["message.clicked", "message.sent", "profile.created", "profile.created", "profile.deleted", "profile.merged"]);

    // Without a subscribed endpoint nothing is queued (and the check costs no query within its cache time).
    await deleteEndpoint(workspace.id, endpoint.id, cliActor);
    await db.transaction((tx) => resolveProfile(tx, workspace.id, [{ namespace: "external_id", value: "user-c" }]));
    expect(await queued(workspace.id)).toEqual([]);
  });
});
