import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET, PUT } from "@/app/api/v1/profiles/[id]/subscriptions/route";
import { POST as savePage } from "@/app/t/u/[token]/preferences/route";
import { getDb } from "@/db/client";
import { consentEvents, messages, profileIdentities, profiles } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { messageTokens } from "@/server/messaging/tracking-token";
import { createTeam } from "@/test/fixtures";
import { createTopic } from "./manage-topics";

async function setup() {
  const { workspace } = await createTeam(`Subs ${crypto.randomUUID().slice(0, 6)}`);
  const db = await getDb();
  const [p] = await db.insert(profiles).values({ workspaceId: workspace.id, attributes: {} }).returning({ id: profiles.id });
  const address = `subs-${p!.id.slice(0, 8)}@example.com`;
  await db.insert(profileIdentities).values({ workspaceId: workspace.id, namespace: "email", value: address, profileId: p!.id });
  const secret = await createApiKey(workspace.id, { name: "server", kind: "secret" }, cliActor);
  const news = await createTopic(workspace.id, { name: "Newsletter", channel: "email", defaultStatus: "opt_out" }, cliActor);
  const call = (handler: typeof GET, method: string, body?: unknown) =>
    handler(new Request(`http://x/api/v1/profiles/email:${address}/subscriptions`, { method, headers: { authorization: `Bearer ${secret.key}`, "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }), { params: Promise.resolve({ id: `email:${address}` }) });
  return { workspaceId: workspace.id, profileId: p!.id, news, call, db };
}

describe("GET/PUT /api/v1/profiles/{ref}/subscriptions", () => {
  it("lists consents per channel and topic, records changes with source api, and refuses bad input with a 400 naming the field and no write", async () => {
    const { profileId, news, call, db } = await setup();
    const before = (await (await call(GET, "GET")).json()) as { channels: { channel: string; status: string; recorded: boolean }[]; topics: { id: string; status: string }[] };
    expect(before.channels.find((c) => c.channel === "sms")).toMatchObject({ status: "unsubscribed", recorded: false });
    expect(before.topics).toEqual([expect.objectContaining({ id: news.id, name: "Newsletter", status: "subscribed", recorded: false })]);

    const put = await call(PUT, "PUT", { channels: { sms: "subscribed" }, topics: [{ id: news.id, status: "unsubscribed" }] });
    expect(put.status).toBe(200);
    const after = (await put.json()) as typeof before & { topics: { source: string; updatedAt: string }[] };
    expect(after.channels.find((c) => c.channel === "sms")).toMatchObject({ status: "subscribed", recorded: true, source: "api" });
    expect(after.topics[0]).toMatchObject({ status: "unsubscribed", source: "api", updatedAt: expect.any(String) });

    const written = (await db.select().from(consentEvents).where(eq(consentEvents.profileId, profileId))).length;
    for (const [body, field] of [
      [{ topics: [{ id: crypto.randomUUID(), status: "subscribed" }] }, "topics.0.id"],
      [{ channels: { fax: "subscribed" } }, "channels"],
      [{ topics: [{ id: news.id, status: "maybe" }] }, "topics.0.status"],
    ] as const) {
      const res = await call(PUT, "PUT", body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain(field);
    }
    expect((await db.select().from(consentEvents).where(eq(consentEvents.profileId, profileId))).length).toBe(written);
  });
});

describe("POST /t/u/{token}/preferences", () => {
  it("is authorized by the message's unsubscribe token alone, takes JSON only, and echoes nothing", async () => {
    const { workspaceId, profileId, news, db } = await setup();
    const [m] = await db.insert(messages).values({ workspaceId, profileId, pluginId: "dev-inbox", kind: "email", sourceType: "campaign", idempotencyKey: crypto.randomUUID(), recipient: "x@example.com", status: "delivered" }).returning({ id: messages.id });
    const { unsubscribe, other } = messageTokens(m!.id);
    const post = (token: string, body: string, type = "application/json") => savePage(new Request(`http://x/t/u/${token}/preferences`, { method: "POST", headers: { "content-type": type }, body }), { params: Promise.resolve({ token }) });
    const choice = JSON.stringify({ topics: [{ id: news.id, subscribed: false }] });
    expect((await post(other, choice)).status).toBe(404); // a click or open token cannot change consent
    expect((await post(`${unsubscribe}x`, choice)).status).toBe(404);
    expect((await post(unsubscribe, "topics=1", "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await post(unsubscribe, "{not json")).status).toBe(400);
    const hostile = await post(unsubscribe, JSON.stringify({ topics: [{ id: "<script>alert(1)</script>", subscribed: true }] }));
    expect(hostile.status).toBe(400);
    expect(await hostile.text()).not.toContain("<script>");
    const ok = await post(unsubscribe, choice);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("location")).toBeNull();
    const [event] = await db.select().from(consentEvents).where(eq(consentEvents.topicId, news.id));
    expect(event).toMatchObject({ profileId, status: "unsubscribed", source: "preference_page" });
  });
});
