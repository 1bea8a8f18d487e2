import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { messageEvents, messages, messagingSettings, profileIdentities, profiles, suppressions } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { createConfiguration } from "@/server/channels/manage-configurations";
import { allowPrivateHost } from "@/plugins/sdk/testing/allow-private-host";
import { startFakeServer } from "@/plugins/sdk/testing/fake-server";
import { createTeam } from "@/test/fixtures";
import { sendMessage, type TSendRequest } from "./send-message";

const EMAIL = { subject: "Hi {{ profile.firstName }}", html: '<p>Hello {{ profile.firstName | default: "there" }}, <a href="https://shop.example/sale">shop</a></p>' };

async function setup(attributes: Record<string, unknown> = { firstName: "Ada" }, timezone: string | null = null) {
  const { workspace } = await createTeam(`Send ${crypto.randomUUID().slice(0, 4)}`);
  const db = await getDb();
  const [p] = await db.insert(profiles).values({ workspaceId: workspace.id, attributes, timezone }).returning({ id: profiles.id });
  await db.insert(profileIdentities).values({ workspaceId: workspace.id, namespace: "email", value: "ada@example.com", profileId: p!.id });
  const request = (over: Partial<TSendRequest> = {}): TSendRequest => ({ workspaceId: workspace.id, kind: "email", profileId: p!.id, content: EMAIL, source: { type: "campaign", id: "c1", stepId: "s1" }, ...over });
  const history = async (messageId: string) => (await db.select().from(messageEvents).where(eq(messageEvents.messageId, messageId))).map((e) => e.type);
  return { workspace, profileId: p!.id, db, request, history };
}

describe("the sending pipeline", () => {
  it("renders, tracks and sends once per idempotency key", async () => {
    const { db, request, history } = await setup();
    const first = await sendMessage(request());
    expect(first.status).toBe("delivered"); // the dev inbox, default in embedded mode
    const [row] = await db.select().from(messages).where(eq(messages.id, first.messageId));
    expect(row!.content).toMatchObject({ subject: "Hi Ada", headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } });
    expect(String(row!.content!.html)).toMatch(/Hello Ada, <a href="http:\/\/[^"]+\/t\/c\/[^"]+">shop<\/a>/);
    expect(String(row!.content!.html)).toMatch(/<img src="[^"]+\/t\/o\//);
    expect(String(row!.content!.text)).toMatch(/Hello Ada, shop \(http:\/\/[^)\s]+\/t\/c\/[^)\s]+\)/); // the text part's links are tracked too
    expect(row!.recipient).toBe("ada@example.com");
    const again = await sendMessage(request());
    expect(again.messageId).toBe(first.messageId);
    expect(await history(first.messageId)).toEqual(["sent", "delivered"]);
  });

  it("never sends to a suppressed address, even transactional", async () => {
    const { workspace, db, request, history } = await setup();
    await db.insert(suppressions).values({ workspaceId: workspace.id, channel: "email", address: "ada@example.com", reason: "bounced" });
    const outcome = await sendMessage(request({ transactional: true }));
    expect(outcome).toMatchObject({ status: "suppressed", error: expect.stringContaining("suppression list (bounced)") });
    expect(await history(outcome.messageId)).toEqual(["suppressed"]);
  });

  it("defers past the frequency cap, except transactional", async () => {
    const { workspace, db, request } = await setup();
    await db.insert(messagingSettings).values({ workspaceId: workspace.id, frequencyCap: { max: 1, hours: 24 } });
    const now = new Date();
    expect((await sendMessage(request({ now }))).status).toBe("delivered");
    const capped = await sendMessage(request({ source: { type: "journey", id: "j1", stepId: "n2" }, now }));
    expect(capped.status).toBe("deferred");
    expect(capped.deferredUntil!.getTime()).toBeGreaterThan(now.getTime() + 23.9 * 3_600_000);
    expect((await sendMessage(request({ source: { type: "transactional", id: "reset" }, transactional: true, now }))).status).toBe("delivered");
  });

  it("defers quiet hours to the end of the window in the profile's zone, then sends", async () => {
    const { workspace, db, request } = await setup({ firstName: "Ada" }, "America/New_York");
    await db.insert(messagingSettings).values({ workspaceId: workspace.id, quietHours: { start: "21:00", end: "08:00" } });
    const night = await sendMessage(request({ now: new Date("2026-01-15T04:30:00Z") }));
    expect(night).toMatchObject({ status: "deferred", deferredUntil: new Date("2026-01-15T13:00:00Z") });
    expect((await sendMessage(request({ now: new Date("2026-01-15T12:00:00Z") }))).status).toBe("deferred"); // still early
    expect((await sendMessage(request({ now: new Date("2026-01-15T13:00:00Z") }))).status).toBe("delivered");
  });

  it("retries a retryable provider error with the same key, and sends once", async () => {
    const { workspace, request, history } = await setup();
    let fail = true;
    const server = allowPrivateHost(await startFakeServer(() => (fail ? { status: 503, body: "busy" } : { status: 200, body: '{"id":"prov-1"}' })));
    try {
      const config = await createConfiguration(workspace.id, { name: "Hook", pluginId: "webhook", settings: { url: server.url, secret: "0123456789abcdef" } }, cliActor);
      const req = request({ kind: "webhook", configurationId: config.id, content: { payload: { hello: "{{ profile.firstName }}" } } });
      await expect(sendMessage(req)).rejects.toMatchObject({ retryable: true });
      fail = false;
      const ok = await sendMessage(req);
      expect(ok.status).toBe("sent");
      expect(await history(ok.messageId)).toEqual(["retried", "sent"]);
      const keys = server.requests.map((r) => r.headers["idempotency-key"]);
      expect(keys).toEqual([ok.messageId, ok.messageId]);
      expect(JSON.parse(server.requests[1]!.body).message).toEqual({ payload: { hello: "Ada" } });
    } finally {
      await server.close();
    }
  });
});
