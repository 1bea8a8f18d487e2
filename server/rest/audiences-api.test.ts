import { beforeAll, describe, expect, it } from "vitest";
import { everyItem } from "@/clients/typescript";
import { ingestCalls } from "@/server/ingestion/ingest-calls";
import { testClient, twoWorlds } from "@/test/rest-client";
import type { TWorld } from "@/test/rest-world";

let A: TWorld;
let B: TWorld;
let api: ReturnType<typeof testClient>;

beforeAll(async () => {
  ({ A, B, api } = await twoWorlds());
  await ingestCalls(A.workspaceId, [1, 2, 3, 4].map((n) => ({ type: "identify" as const, userId: `m-${n}`, traits: { email: `m${n}@example.com`, firstName: `M${n}` } })));
});

describe("REST audiences, lists, templates, journeys, suppressions and subscriptions through the typed client", () => {
  it("adds list members, counts them and pages through them", async () => {
    const added = await api.POST("/api/v1/lists/{id}/members", { params: { path: { id: A.listId } }, body: { profiles: ["external_id:m-1", "external_id:m-2", "external_id:m-3", "email:m4@example.com"] } });
    expect(added.data).toEqual({ added: 4, requested: 4 });
    const lists = await api.GET("/api/v1/audiences", { params: { query: { kind: "list" } } });
    expect(lists.data?.data).toEqual([expect.objectContaining({ id: A.listId, name: "Newsletter", count: 4 })]);
    expect((await api.GET("/api/v1/audiences/{id}", { params: { path: { id: A.listId } } })).data).toMatchObject({ kind: "list", count: 4 });
    expect((await api.GET("/api/v1/audiences/{id}/count", { params: { path: { id: A.listId } } })).data?.count).toBe(4);
    expect((await api.GET("/api/v1/audiences/{id}/count", { params: { path: { id: B.listId } } })).response.status).toBe(404);
    const emails: (string | null)[] = [];
    for await (const m of everyItem((cursor) => api.GET("/api/v1/audiences/{id}/members", { params: { path: { id: A.listId }, query: { limit: 3, cursor } } }))) emails.push(m.email);
    expect(emails.sort()).toEqual(["m1@example.com", "m2@example.com", "m3@example.com", "m4@example.com"]);
    expect((await api.GET("/api/v1/audiences/{id}/members", { params: { path: { id: B.listId } } })).response.status).toBe(404);
    expect((await api.DELETE("/api/v1/lists/{id}/members", { params: { path: { id: A.listId } }, body: { profiles: ["external_id:m-1"] } })).data).toEqual({ removed: 1, requested: 1 });
  });

  it("lists and gets templates, and renders one for a profile and a context", async () => {
    const list = await api.GET("/api/v1/templates", { params: { query: { kind: "email" } } });
    expect(list.data?.data.map((t) => t.id)).toEqual([A.templateId]);
    expect((await api.GET("/api/v1/templates", { params: { query: { kind: "sms" } } })).data?.data).toEqual([]);
    expect((await api.GET("/api/v1/templates/{id}", { params: { path: { id: A.templateId } } })).data).toMatchObject({ name: "Welcome", kind: "email" });
    const preview = await api.POST("/api/v1/templates/{id}/preview", { params: { path: { id: A.templateId } }, body: { profile: "external_id:m-2", context: { orderId: "o-9" } } });
    expect(preview.data?.subject).toBe("Hi M2");
    expect(preview.data?.html).toContain("Order o-9");
    expect((await api.POST("/api/v1/templates/{id}/preview", { params: { path: { id: B.templateId } }, body: {} })).response.status).toBe(404);
  });

  it("lists, gets and counts journeys", async () => {
    expect((await api.GET("/api/v1/journeys", { params: { query: { status: "draft" } } })).data?.data.map((j) => j.id)).toEqual([A.journeyId]);
    expect((await api.GET("/api/v1/journeys", { params: { query: { status: "live" } } })).data?.data).toEqual([]);
    expect((await api.GET("/api/v1/journeys/{id}", { params: { path: { id: A.journeyId } } })).data).toMatchObject({ name: "Onboarding", status: "draft", versions: [] });
    expect((await api.GET("/api/v1/journeys/{id}/stats", { params: { path: { id: A.journeyId } } })).data).toEqual({ totals: { entered: 0, active: 0, completed: 0, exited: 0, failed: 0 }, nodes: {} });
    expect((await api.GET("/api/v1/journeys/{id}/stats", { params: { path: { id: B.journeyId } } })).response.status).toBe(404);
  });

  it("adds, pages through and removes suppressions", async () => {
    for (const address of ["a@x.test", "b@x.test", "c@x.test"]) expect((await api.POST("/api/v1/suppressions", { body: { channel: "email", address } })).response.status).toBe(201);
    const seen: string[] = [];
    for await (const s of everyItem((cursor) => api.GET("/api/v1/suppressions", { params: { query: { channel: "email", limit: 2, cursor } } }))) seen.push(s.address);
    expect(seen.sort()).toEqual(["a@x.test", "b@x.test", "c@x.test"]);
    expect((await testClient(B.secretKey).GET("/api/v1/suppressions", {})).data?.data).toEqual([]);
    expect((await api.DELETE("/api/v1/suppressions", { params: { query: { channel: "email", address: "a@x.test" } } })).data).toEqual({ removed: { channel: "email", address: "a@x.test" } });
    expect((await api.DELETE("/api/v1/suppressions", { params: { query: { channel: "email", address: "a@x.test" } } })).response.status).toBe(404);
    expect((await api.POST("/api/v1/suppressions", { body: { channel: "email", address: "" } })).error?.error.path).toBe("address");
  });

  it("reads and records subscriptions", async () => {
    const put = await api.PUT("/api/v1/profiles/{id}/subscriptions", { params: { path: { id: "external_id:m-3" } }, body: { channels: { email: "unsubscribed" } } });
    expect(put.data?.channels.find((c) => c.channel === "email")).toMatchObject({ status: "unsubscribed", recorded: true, source: "api" });
    expect((await api.GET("/api/v1/profiles/{id}/subscriptions", { params: { path: { id: B.profileId } } })).response.status).toBe(404);
  });
});
