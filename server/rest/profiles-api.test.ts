import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { messages } from "@/db/schema";
import { everyItem } from "@/clients/typescript";
import { ingestCalls } from "@/server/ingestion/ingest-calls";
import { testClient, twoWorlds } from "@/test/rest-client";
import type { TWorld } from "@/test/rest-world";

let A: TWorld;
let B: TWorld;
let api: ReturnType<typeof testClient>;
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes)).toISOString();

beforeAll(async () => {
  ({ A, B, api } = await twoWorlds());
  await ingestCalls(A.workspaceId, [
    ...[1, 2, 3, 4, 5].map((n) => ({ type: "track" as const, userId: "42", event: n % 2 ? "Bought" : "Viewed", properties: { n }, timestamp: at(n), messageId: `e-${n}` })),
    { type: "identify", userId: "7", traits: { email: "grace@example.com", firstName: "Grace" } },
  ]);
});

describe("REST events, messages and profiles through the typed client", () => {
  it("ingests with a write key and checks a key, answers as documented", async () => {
    const ingest = testClient(A.writeKey);
    const tracked = await ingest.POST("/api/v1/track", { body: { userId: "42", event: "Bought", properties: { n: 6 }, timestamp: at(6), messageId: "e-6" } });
    expect(tracked.data).toEqual({ success: true, accepted: 1, duplicates: 0 });
    expect((await ingest.POST("/api/v1/batch", { body: { batch: [{ type: "track", userId: "42", event: "Bought", messageId: "e-6" }] } })).data).toEqual({ success: true, accepted: 0, duplicates: 1 });
    expect((await ingest.GET("/api/v1/workspace")).data?.key.kind).toBe("write");
    expect((await ingest.GET("/api/v1/events")).response.status).toBe(403);
  });

  it("lists events by profile, name and time, page by page", async () => {
    const all: number[] = [];
    for await (const e of everyItem((cursor) => api.GET("/api/v1/events", { params: { query: { profile: "external_id:42", type: "track", limit: 2, cursor } } }))) all.push(e.properties.n as number);
    expect(all).toEqual([6, 5, 4, 3, 2, 1]);
    const bought = await api.GET("/api/v1/events", { params: { query: { name: "Bought", since: at(2), until: at(5) } } });
    expect(bought.data?.data.map((e) => e.properties.n)).toEqual([3]);
    expect((await api.GET("/api/v1/events", { params: { query: { profile: "external_id:nobody" } } })).response.status).toBe(404);
    expect((await api.GET("/api/v1/events", { params: { query: { since: "yesterday" } } })).error?.error.path).toBe("since");
  });

  it("lists messages by profile and status and gets one; another workspace's is a 404", async () => {
    const mine = await api.GET("/api/v1/messages", { params: { query: { profile: "email:ada@example.com" } } });
    expect(mine.data?.data.map((m) => m.id)).toContain(A.messageId);
    expect((await api.GET("/api/v1/messages", { params: { query: { status: "delivered", profile: A.profileId } } })).data?.data).toEqual([]);
    expect((await api.GET("/api/v1/messages", { params: { query: { since: new Date(Date.now() + 60_000).toISOString() } } })).data?.data).toEqual([]);
    const one = await api.GET("/api/v1/messages/{id}", { params: { path: { id: A.messageId } } });
    expect(one.data).toMatchObject({ id: A.messageId, recipient: "ada@example.com", profileId: A.profileId, status: "queued" });
    expect((await api.GET("/api/v1/messages/{id}", { params: { path: { id: B.messageId } } })).response.status).toBe(404);
  });

  it("pages through messages created in one statement (one microsecond) without skipping any", async () => {
    const db = await getDb();
    const batch = await db
      .insert(messages)
      .values([1, 2, 3, 4, 5].map(() => ({ workspaceId: A.workspaceId, pluginId: "dev-inbox", kind: "email", sourceType: "test" as const, idempotencyKey: crypto.randomUUID(), recipient: "ada@example.com", profileId: A.profileId })))
      .returning({ id: messages.id });
    const seen: string[] = [];
    for await (const m of everyItem((cursor) => api.GET("/api/v1/messages", { params: { query: { profile: A.profileId, limit: 2, cursor } } }))) seen.push(m.id);
    expect(seen.sort()).toEqual([A.messageId, ...batch.map((m) => m.id)].sort());
  });

  it("searches, updates, merges and deletes profiles; another workspace's are 404s", async () => {
    const found = await api.GET("/api/v1/profiles", { params: { query: { search: "grace" } } });
    expect(found.data?.data).toHaveLength(1);
    const grace = found.data!.data[0]!;
    const updated = await api.PATCH("/api/v1/profiles/{id}", { params: { path: { id: "external_id:7" } }, body: { attributes: { plan: "gold", firstName: null } } });
    expect(updated.data?.attributes).toEqual({ email: "grace@example.com", plan: "gold" });
    expect((await api.PATCH("/api/v1/profiles/{id}", { params: { path: { id: "external_id:7" } }, body: { attributes: {} } })).error?.error.path).toBe("attributes");
    expect((await api.PATCH("/api/v1/profiles/{id}", { params: { path: { id: B.profileId } }, body: { attributes: { x: 1 } } })).response.status).toBe(404);
    const merged = await api.POST("/api/v1/profiles/{id}/merge", { params: { path: { id: "external_id:42" } }, body: { from: grace.id } });
    expect(merged.data).toEqual({ merged: grace.id, into: A.profileId });
    const exported = await api.GET("/api/v1/profiles/{id}", { params: { path: { id: A.profileId } } });
    expect(exported.data?.identities.map((i) => i.value)).toEqual(expect.arrayContaining(["42", "7", "grace@example.com"]));
    expect(exported.data?.profile.attributes).toMatchObject({ plan: "gold" });
    expect((await api.POST("/api/v1/profiles/{id}/merge", { params: { path: { id: A.profileId } }, body: { from: B.profileId } })).error?.error.path).toBe("from");
    expect((await api.DELETE("/api/v1/profiles/{id}", { params: { path: { id: B.profileId } } })).response.status).toBe(404);
    expect((await api.DELETE("/api/v1/profiles/{id}", { params: { path: { id: "email:grace@example.com" } } })).data).toEqual({ deleted: A.profileId });
    expect((await api.GET("/api/v1/profiles/{id}", { params: { path: { id: A.profileId } } })).response.status).toBe(404);
  });
});
