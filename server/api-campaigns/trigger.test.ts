import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as trigger } from "@/app/api/v1/campaigns/[id]/trigger/route";
import { GET as getMessageRoute } from "@/app/api/v1/messages/[id]/route";
import { getDb } from "@/db/client";
import { campaigns, messages, wfEvents } from "@/db/schema";
import { allowPrivateHost } from "@/plugins/sdk/testing/allow-private-host";
import { startFakeServer } from "@/plugins/sdk/testing/fake-server";
import { createConfiguration } from "@/server/channels/manage-configurations";
import { getMessage } from "@/server/messaging/list-messages";
import { VirtualClock } from "@/server/workflows/embedded/clock";
import { createAppExecutor } from "@/server/workflows/embedded/start-embedded";
import { createApiKey, revokeApiKey } from "@/server/api-keys/manage-api-keys";
import { cliActor } from "@/server/audit/actor";
import { createTeam } from "@/test/fixtures";

const RESET = { subject: "Reset your password", html: '<p>Hi {{ profile.firstName | default: "there" }}, <a href="{{ context.resetUrl }}">reset it here</a>. {{ context.note | default: "" }}</p>' };

async function setup(status: "active" | "draft" = "active") {
  const { workspace } = await createTeam(`Trigger ${crypto.randomUUID().slice(0, 4)}`);
  const secret = await createApiKey(workspace.id, { name: "server", kind: "secret" }, cliActor);
  const write = await createApiKey(workspace.id, { name: "web", kind: "write" }, cliActor);
  const db = await getDb();
  const [campaign] = await db.insert(campaigns).values({ workspaceId: workspace.id, name: "Password reset", type: "api", apiMode: "transactional", status, kind: "email", content: RESET }).returning();
  const call = (id: string, body: unknown, { key = secret.key, idempotencyKey }: { key?: string; idempotencyKey?: string } = {}) =>
    trigger(new Request(`http://x/api/v1/campaigns/${id}/trigger`, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: { authorization: `Bearer ${key}`, ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}) } }), { params: Promise.resolve({ id }) });
  return { workspace, campaign: campaign!, secret, write, call, db };
}

const body = { recipient: { email: "New.User@Example.com", attributes: { firstName: "Nia" } }, context: { resetUrl: "https://app.example/reset/abc" } };

describe("POST /api/v1/campaigns/{id}/trigger", () => {
  it("sends one personalized message per Idempotency-Key, creating the recipient", async () => {
    const { campaign, secret, call, db } = await setup();
    const first = await call(campaign.id, body, { idempotencyKey: "reset-1" });
    expect(first.status).toBe(202);
    const { messageId } = (await first.json()) as { messageId: string };
    const again = await call(campaign.id, body, { idempotencyKey: "reset-1" });
    expect(await again.json()).toMatchObject({ messageId });
    expect(await db.select().from(messages).where(eq(messages.sourceId, campaign.id))).toHaveLength(1);
    const [row] = await db.select().from(messages).where(eq(messages.id, messageId));
    expect(row!.recipient).toBe("new.user@example.com");
    const { content } = await getMessage(row!.workspaceId, messageId);
    expect(String(content!.html)).toContain("Hi Nia,");
    expect(String(content!.html)).toMatch(/\/t\/c\//);
    expect(trackedDestination(String(content!.text))).toBe("https://app.example/reset/abc");
    const status = await getMessageRoute(new Request(`http://x/api/v1/messages/${messageId}`, { headers: { authorization: `Bearer ${secret.key}` } }), { params: Promise.resolve({ id: messageId }) });
    expect(await status.json()).toMatchObject({ id: messageId, status: "delivered", history: [{ type: "sent" }, { type: "delivered" }] });
    const reused = await call(campaign.id, { ...body, context: { resetUrl: "https://other" } }, { idempotencyKey: "reset-1" });
    expect(reused.status).toBe(400);
  });

  it("answers every bad call with a clear 4xx and sends nothing", async () => {
    const { campaign, write, secret, call, db, workspace } = await setup();
    const other = await setup();
    await revokeApiKey(workspace.id, secret.id, cliActor);
    const fresh = await createApiKey(workspace.id, { name: "server 2", kind: "secret" }, cliActor);
    const cases: [Response, number, string | undefined][] = [
      [await call(campaign.id, body, { key: write.key }), 403, undefined],
      [await call(campaign.id, body, { key: secret.key }), 401, undefined],
      [await call(other.campaign.id, body, { key: fresh.key }), 404, undefined],
      [await call("not-a-uuid", body, { key: fresh.key }), 404, "id"],
      [await call(campaign.id, { context: body.context }, { key: fresh.key }), 400, "recipient"],
      [await call(campaign.id, { recipient: { phone: "0612" }, context: body.context }, { key: fresh.key }), 400, "recipient.phone"],
      [await call(campaign.id, { recipient: body.recipient, context: {} }, { key: fresh.key }), 400, "context.resetUrl"],
      [await call(campaign.id, "{nope", { key: fresh.key }), 400, "body"],
      [await call(campaign.id, { ...body, context: { resetUrl: "https://x", lines: ["ok", "bad\u0000"] } }, { key: fresh.key }), 400, "context.lines.1"],
    ];
    for (const [res, status, path] of cases) {
      expect(res.status).toBe(status);
      if (path) expect(((await res.json()) as { error: { path: string } }).error.path).toBe(path);
    }
    const draft = await setup("draft");
    expect((await draft.call(draft.campaign.id, body)).status).toBe(409);
    expect(await db.select().from(messages).where(eq(messages.sourceId, campaign.id))).toHaveLength(0);
  });
});

describe("concurrent triggers of one campaign", () => {
  it("are sent together yet each answered with its own message, recipient and context", async () => {
    const { campaign, call, db } = await setup();
    const answers = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const res = await call(campaign.id, { recipient: { email: `user${i}@example.com`, attributes: { firstName: `U${i}` } }, context: { resetUrl: `https://app.example/reset/${i}` } }, { idempotencyKey: `burst-${i}` });
        expect(res.status).toBe(202);
        return (await res.json()) as { messageId: string };
      }),
    );
    for (const [i, { messageId }] of answers.entries()) {
      const [row] = await db.select().from(messages).where(eq(messages.id, messageId));
      expect(row).toMatchObject({ recipient: `user${i}@example.com`, stepId: `burst-${i}`, status: "delivered" });
      const { content } = await getMessage(row!.workspaceId, messageId);
      expect(String(content!.html)).toContain(`Hi U${i},`);
      expect(trackedDestination(String(content!.text))).toBe(`https://app.example/reset/${i}`);
    }
  });
});

describe("a trigger the provider cannot take now", () => {
  it("answers 202 queued with its own message, and hands each message to the retry workflow", async () => {
    await createAppExecutor({ clock: new VirtualClock() }); // stores published events, runs nothing
    const { workspace, campaign, call, db } = await setup();
    const server = allowPrivateHost(await startFakeServer(() => ({ status: 503, body: "busy" })));
    try {
      const config = await createConfiguration(workspace.id, { name: "Hook", pluginId: "webhook", settings: { url: server.url, secret: "0123456789abcdef" } }, cliActor);
      await db.update(campaigns).set({ kind: "webhook", configurationId: config.id, content: { payload: { url: "{{ context.resetUrl }}" } }, version: campaign.version + 1 }).where(eq(campaigns.id, campaign.id));
      const answers = await Promise.all([0, 1, 2].map((i) => call(campaign.id, { recipient: { externalId: `hook-${i}` }, context: { resetUrl: `https://r/${i}` } }, { idempotencyKey: `hook-${i}` }).then((r) => r.json() as Promise<{ messageId: string; status: string }>)));
      expect(answers.map((a) => a.status)).toEqual(["queued", "queued", "queued"]);
      expect(new Set(answers.map((a) => a.messageId)).size).toBe(3);
      const rows = await db.select().from(messages).where(inArray(messages.id, answers.map((a) => a.messageId)));
      expect(rows.map((r) => r.status)).toEqual(["queued", "queued", "queued"]);
      const retries = await db.select().from(wfEvents).where(eq(wfEvents.name, "parcours/message.retry.requested"));
      const asked = retries.map((e) => (e.data as { request: { source: { stepId: string } } }).request.source.stepId);
      expect(asked.filter((s) => s.startsWith("hook-")).sort()).toEqual(["hook-0", "hook-1", "hook-2"]);
      // The kept answer: the same key replays "queued" with the same message.
      expect(await (await call(campaign.id, { recipient: { externalId: "hook-0" }, context: { resetUrl: "https://r/0" } }, { idempotencyKey: "hook-0" })).json()).toEqual(answers[0]);
    } finally {
      await server.close();
    }
  });
});

describe("API-triggered campaigns through the campaign service", () => {
  it("are created, activated and triggered; scheduled-only fields are refused or ignored", async () => {
    const { createCampaign, updateCampaign } = await import("@/server/campaigns/manage-campaigns");
    const { activateCampaign } = await import("@/server/campaigns/control-campaign");
    const { setApprovalRequired } = await import("@/server/campaigns/approval-setting");
    const { getCampaign } = await import("@/server/campaigns/query-campaigns");
    const { workspace } = await createTeam(`Api campaign ${crypto.randomUUID().slice(0, 4)}`);
    await setApprovalRequired(workspace.id, false, cliActor);
    const secret = await createApiKey(workspace.id, { name: "server", kind: "secret" }, cliActor);
    const campaign = await createCampaign(workspace.id, { name: "Reset", type: "api", apiMode: "transactional", kind: "email", content: RESET }, cliActor);
    expect(campaign).toMatchObject({ type: "api", apiMode: "transactional", audienceId: null, schedule: null, status: "draft" });
    expect((await getCampaign(workspace.id, campaign.id)).contextFields).toEqual(["resetUrl"]);
    await expect(updateCampaign(workspace.id, campaign.id, { name: "Reset", type: "api", kind: "email", content: RESET } as never, cliActor)).rejects.toThrow();
    expect((await activateCampaign(workspace.id, campaign.id, cliActor)).status).toBe("active");
    const res = await trigger(new Request("http://x", { method: "POST", body: JSON.stringify(body), headers: { authorization: `Bearer ${secret.key}` } }), { params: Promise.resolve({ id: campaign.id }) });
    expect(res.status).toBe(202);
  });
});

/** The destination a tracked click link of the text part carries (its third, base64url part). */
function trackedDestination(text: string): string {
  const encoded = text.match(/\/t\/c\/[\w-]+\.[\w-]+\.([\w-]+)\./)?.[1];
  return encoded ? Buffer.from(encoded, "base64url").toString() : text;
}
