import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { allowPrivateHost } from "@/plugins/sdk/testing/allow-private-host";
import { cliActor } from "@/server/audit/actor";
import { createTeam } from "@/test/fixtures";
import { replayDelivery, listDeliveries, sendTestEvent } from "./delivery-log";
import { drainWebhookOutbox } from "./drain-outbox";
import { enqueueWebhookEvents } from "./enqueue";
import { WEBHOOK_EVENT_TYPES } from "./event-types";
import { createEndpoint, listEndpoints, revealSecret, rotateSecret, updateEndpoint } from "./manage-endpoints";
import { startReceiver } from "./test-receiver";

let secret = "";
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver(() => secret);
});
afterAll(() => receiver.close());

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

async function subscribedTeam(name: string) {
  const { workspace } = await createTeam(name);
  allowPrivateHost(receiver.url);
  const endpoint = await createEndpoint(workspace.id, { url: receiver.url, description: "test", eventTypes: [...WEBHOOK_EVENT_TYPES] }, cliActor);
  secret = endpoint.secret;
  return { workspace, endpoint };
}

describe("outgoing webhooks", () => {
  it("delivers each event type exactly once, signed, after an outage and retries", async () => {
    const { workspace, endpoint } = await subscribedTeam("Hooks");
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await listEndpoints(workspace.id))).not.toContain(endpoint.secret);
    const queued = await enqueueWebhookEvents(workspace.id, WEBHOOK_EVENT_TYPES.map((type) => ({ type, data: { n: type } })));
    expect(queued).toBe(WEBHOOK_EVENT_TYPES.length);

    receiver.state.status = 503;
    expect(await drainWebhookOutbox()).toBe(WEBHOOK_EVENT_TYPES.length);
    expect(receiver.received).toHaveLength(0);
    const failed = await listDeliveries(workspace.id, endpoint.id);
    expect(failed.every((d) => d.status === "pending" && d.attempts === 1 && d.responseStatus === 503)).toBe(true);
    // Not due yet: the first retry waits a minute.
    expect(await drainWebhookOutbox()).toBe(0);

    receiver.state.status = 200;
    expect(await drainWebhookOutbox(later(3))).toBe(WEBHOOK_EVENT_TYPES.length);
    expect(await drainWebhookOutbox(later(60))).toBe(0);
    expect(receiver.state.rejected).toBe(0);
    expect(receiver.received.map((r) => r.type).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(WEBHOOK_EVENT_TYPES.length);
    const log = await listDeliveries(workspace.id, endpoint.id);
    expect(log.every((d) => d.status === "succeeded" && d.attempts === 2 && d.responseStatus === 200 && d.latencyMs !== null)).toBe(true);
  });

  it("replays a delivery with its webhook-id, sends a test event, and signs with a rotated secret", async () => {
    receiver.received.length = 0;
    const { workspace, endpoint } = await subscribedTeam("Replay");
    await enqueueWebhookEvents(workspace.id, [{ type: "profile.created", data: { profileId: "p1" } }]);
    await drainWebhookOutbox();
    const [first] = await listDeliveries(workspace.id, endpoint.id);
    const replayed = await replayDelivery(workspace.id, first!.id, cliActor);
    expect(replayed).toMatchObject({ ok: true, responseStatus: 200, status: "succeeded" });
    expect(receiver.received.map((r) => r.id)).toEqual([first!.eventId, first!.eventId]);

    secret = (await rotateSecret(workspace.id, endpoint.id, cliActor)).secret;
    expect(secret).not.toBe(endpoint.secret);
    expect((await revealSecret(workspace.id, endpoint.id, cliActor)).secret).toBe(secret);
    const test = await sendTestEvent(workspace.id, endpoint.id, cliActor);
    expect(test).toMatchObject({ ok: true, responseStatus: 200, responseExcerpt: '{"received":true}' });
    expect(receiver.received.at(-1)?.type).toBe("webhook.test");
  });

  it("does not queue events nobody subscribed to, and refuses another workspace's ids", async () => {
    const { workspace, endpoint } = await subscribedTeam("Scoped");
    await updateEndpoint(workspace.id, { endpointId: endpoint.id, eventTypes: ["campaign.started"] }, cliActor);
    expect(await enqueueWebhookEvents(workspace.id, [{ type: "message.sent", data: {} }])).toBe(0);
    const other = await createTeam("Other");
    await expect(listDeliveries(other.workspace.id, endpoint.id)).rejects.toThrow(/not found/i);
    await expect(sendTestEvent(other.workspace.id, endpoint.id, cliActor)).rejects.toThrow(/not found/i);
    await expect(rotateSecret(other.workspace.id, endpoint.id, cliActor)).rejects.toThrow(/not found/i);
  });

  it("refuses internal URLs at save time", async () => {
    const { workspace } = await createTeam("SSRF");
    for (const url of ["http://127.0.0.1:9/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/", "ftp://example.com/"]) {
      await expect(createEndpoint(workspace.id, { url, eventTypes: ["message.sent"] }, cliActor)).rejects.toThrow(/url|http/i);
    }
  });

  it("disables an endpoint after 5 days of failures, fails its queue, and audits it", async () => {
    const { workspace, endpoint } = await subscribedTeam("Dead");
    receiver.state.status = 500;
    const db = await getDb();
    await db.update(webhookEndpoints).set({ failingSince: new Date(Date.now() - 6 * 86_400_000) }).where(eq(webhookEndpoints.id, endpoint.id));
    await enqueueWebhookEvents(workspace.id, [{ type: "journey.entered", data: {} }, { type: "journey.exited", data: {} }]);
    await drainWebhookOutbox();
    receiver.state.status = 200;
    const [row] = await listEndpoints(workspace.id);
    expect(row).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/Disabled on/) });
    const statuses = await db.select({ status: webhookDeliveries.status }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(statuses.every((s) => s.status === "failed")).toBe(true);
    const audit = await db.select().from(auditLog).where(eq(auditLog.workspaceId, workspace.id));
    expect(audit.map((a) => a.action)).toContain("webhook.disable");
    expect(await enqueueWebhookEvents(workspace.id, [{ type: "journey.entered", data: {} }])).toBe(0);
  });
});
