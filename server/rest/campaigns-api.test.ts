import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { campaigns, messages } from "@/db/schema";
import { everyItem } from "@/clients/typescript";
import { testClient, twoWorlds } from "@/test/rest-client";
import type { TWorld } from "@/test/rest-world";

let A: TWorld;
let B: TWorld;
let api: ReturnType<typeof testClient>;

beforeAll(async () => {
  ({ A, B, api } = await twoWorlds());
  const db = await getDb();
  await db.insert(campaigns).values(["One", "Two", "Three"].map((name, i) => ({ workspaceId: A.workspaceId, name, type: "scheduled" as const, status: "draft" as const, kind: "email", content: { subject: name, html: "<p>x</p>" }, updatedAt: new Date(Date.now() - i * 1000) })));
});

describe("REST campaigns through the typed client", () => {
  it("lists campaigns page by page, filters them, and gets one; another workspace's id is a 404", async () => {
    const names: string[] = [];
    for await (const c of everyItem((cursor) => api.GET("/api/v1/campaigns", { params: { query: { limit: 2, cursor } } }))) names.push(c.name);
    expect(names.sort()).toEqual(["One", "Receipt", "Three", "Two"]);
    const apiOnly = await api.GET("/api/v1/campaigns", { params: { query: { type: "api" } } });
    expect(apiOnly.data?.data.map((c) => c.id)).toEqual([A.campaignId]);
    const one = await api.GET("/api/v1/campaigns/{id}", { params: { path: { id: A.campaignId } } });
    expect(one.data).toMatchObject({ name: "Receipt", type: "api", apiMode: "transactional", contextFields: ["orderId"] });
    expect((await api.GET("/api/v1/campaigns/{id}", { params: { path: { id: B.campaignId } } })).response.status).toBe(404);
    const bad = await api.GET("/api/v1/campaigns", { params: { query: { limit: 1000 } } });
    expect(bad.response.status).toBe(400);
    expect(bad.error?.error.path).toBe("limit");
    expect((await api.GET("/api/v1/campaigns", { params: { query: { cursor: "not-a-cursor" } } })).error?.error.path).toBe("cursor");
  });

  it("triggers one recipient, then a batch with a result per recipient; bad input sends nothing", async () => {
    const one = await api.POST("/api/v1/campaigns/{id}/trigger", { params: { path: { id: A.campaignId } }, body: { recipient: { email: "solo@example.com" }, context: { orderId: "o-1" } } });
    expect(one.response.status).toBe(202);
    expect(one.data?.messageId).toBeTruthy();
    const db = await getDb();
    const count = async () => (await db.select().from(messages).where(eq(messages.sourceId, A.campaignId))).length;
    const before = await count();
    const refused = await api.POST("/api/v1/campaigns/{id}/trigger/batch", { params: { path: { id: A.campaignId } }, body: { recipients: [{ recipient: { email: "a@example.com" } }, { recipient: { email: "not an email" } }], context: { orderId: "o-2" } } });
    expect(refused.response.status).toBe(400);
    expect(refused.error?.error.path).toBe("recipients.1.recipient.email");
    expect(await count()).toBe(before);
    const batch = await api.POST("/api/v1/campaigns/{id}/trigger/batch", {
      params: { path: { id: A.campaignId } },
      body: { recipients: [{ recipient: { email: "a@example.com" } }, { recipient: { externalId: "42" }, context: { orderId: "o-42" } }, { recipient: { email: "c@example.com" }, context: { orderId: null } }], context: { orderId: "o-2" } },
    });
    expect(batch.response.status).toBe(202);
    expect(batch.data).toMatchObject({ accepted: 2, failed: 1 });
    expect(batch.data?.results[2]).toMatchObject({ index: 2, error: { path: "recipients.2.context.orderId" } });
    expect(await count()).toBe(before + 2);
    const second = batch.data!.results[1]!;
    const message = await api.GET("/api/v1/messages/{id}", { params: { path: { id: "messageId" in second ? second.messageId : "" } } });
    expect(message.data).toMatchObject({ recipient: "ada@example.com", subject: "Receipt", source: { type: "transactional", id: A.campaignId } });
    expect(message.data?.html).toContain("Order o-42");
    expect((await testClient(B.secretKey).POST("/api/v1/campaigns/{id}/trigger/batch", { params: { path: { id: A.campaignId } }, body: { recipients: [{ recipient: { email: "x@example.com" } }] } })).response.status).toBe(404);
  });
});
