import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as trigger } from "@/app/api/v1/campaigns/[id]/trigger/route";
import { getDb } from "@/db/client";
import { campaigns, messages, profiles } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { cliActor } from "@/server/audit/actor";
import { createTeam } from "@/test/fixtures";

async function setup() {
  const { workspace } = await createTeam(`Trigger limits ${crypto.randomUUID().slice(0, 4)}`);
  const { key } = await createApiKey(workspace.id, { name: "server", kind: "secret" }, cliActor);
  const db = await getDb();
  const content = { subject: "Receipt", html: "<p>{{ context.orderId }}</p>" };
  const [campaign] = await db.insert(campaigns).values({ workspaceId: workspace.id, name: "Receipt", type: "api", apiMode: "transactional", status: "active", kind: "email", content }).returning();
  const call = (body: string) =>
    trigger(new Request(`http://x/api/v1/campaigns/${campaign!.id}/trigger`, { method: "POST", body, headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ id: campaign!.id }) });
  const written = async () => {
    const [m] = await db.select({ n: count() }).from(messages).where(eq(messages.workspaceId, workspace.id));
    const [p] = await db.select({ n: count() }).from(profiles).where(eq(profiles.workspaceId, workspace.id));
    return { messages: m!.n, profiles: p!.n };
  };
  return { call, written };
}

const recipient = { email: "buyer@example.com" };

describe("POST /api/v1/campaigns/{id}/trigger limits", () => {
  it("refuses a 1 MB context with 413 and sends nothing; 60 KB is accepted", async () => {
    const { call, written } = await setup();
    const big = await call(JSON.stringify({ recipient, context: { orderId: "o-1", blob: "x".repeat(1024 * 1024) } }));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE", message: "The body is larger than the limit of 64 KB" } });
    expect(await written()).toEqual({ messages: 0, profiles: 0 });
    expect((await call(JSON.stringify({ recipient, context: { orderId: "o-2", note: "x".repeat(60 * 1024) } }))).status).toBe(202);
  });

  it("refuses unpaired surrogates and deep nesting in the context, naming the field", async () => {
    const { call, written } = await setup();
    const surrogate = await call(`{"recipient":{"email":"buyer@example.com"},"context":{"orderId":"o","name":"\\ud800"}}`);
    expect(surrogate.status).toBe(400);
    expect(await surrogate.json()).toMatchObject({ error: { path: "context.name" } });
    const deep = await call(`{"recipient":{"email":"buyer@example.com"},"context":{"orderId":"o","x":${"[".repeat(5000)}${"]".repeat(5000)}}}`);
    expect(deep.status).toBe(400);
    expect(await written()).toEqual({ messages: 0, profiles: 0 });
  });
});
