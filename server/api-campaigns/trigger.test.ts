import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as trigger } from "@/app/api/v1/campaigns/[id]/trigger/route";
import { GET as getMessageRoute } from "@/app/api/v1/messages/[id]/route";
import { getDb } from "@/db/client";
import { campaigns, messages } from "@/db/schema";
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
    expect(String(row!.content!.html)).toContain("Hi Nia,");
    expect(String(row!.content!.html)).toMatch(/\/t\/c\//);
    expect(String(row!.content!.text)).toContain("reset it here (https://app.example/reset/abc)");
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
