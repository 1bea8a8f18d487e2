import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { profileAttributeTypes, profiles } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { cliActor } from "@/server/audit/actor";
import { findProfileId, getProfile, profileTimeline } from "@/server/profiles/get-profile";
import { createTeam } from "@/test/fixtures";
import { ingestCalls } from "./ingest-calls";
import { ingestionRoute } from "./ingestion-route";
import { RateLimiter } from "./rate-limit";

async function setup() {
  const { workspace } = await createTeam(`Ingest ${crypto.randomUUID().slice(0, 4)}`);
  const { key } = await createApiKey(workspace.id, { name: "web", kind: "write" }, cliActor);
  const post = (type: Parameters<typeof ingestionRoute>[0], body: unknown, opts: { auth?: string; limiter?: RateLimiter } = {}) =>
    ingestionRoute(type, opts.limiter ?? new RateLimiter(10_000))(
      new Request(`http://x/api/v1/${type}`, {
        method: "POST",
        body: typeof body === "string" ? body : JSON.stringify(body),
        headers: { authorization: opts.auth ?? `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
      }),
      { params: Promise.resolve({}) },
    );
  return { workspace, key, post };
}

describe("Segment-spec ingestion", () => {
  it("identify and track land on one profile, with typed attributes", async () => {
    const { workspace, post } = await setup();
    expect((await post("identify", { userId: "u1", traits: { email: "Ada@Example.com", city: "Seattle", birthYear: 1985, gold: true } })).status).toBe(200);
    expect((await post("track", { userId: "u1", event: "Order Completed", properties: { total: 42 }, timestamp: "2026-01-02T03:04:05Z" })).status).toBe(200);
    const id = await findProfileId(workspace.id, "external_id", "u1");
    expect(await findProfileId(workspace.id, "email", "ada@example.com")).toBe(id);
    const profile = await getProfile(workspace.id, id!);
    expect(profile.attributes).toMatchObject({ city: "Seattle", birthYear: 1985, gold: true });
    const { events } = await profileTimeline(workspace.id, id!);
    // Newest first: the identify (now) before the track dated 2 January.
    expect(events.map((e) => [e.type, e.name])).toEqual([["identify", null], ["track", "Order Completed"]]);
  });

  it("is idempotent on messageId", async () => {
    const { workspace, post } = await setup();
    const call = { userId: "u2", event: "Clicked", messageId: "m-1" };
    await post("track", call);
    const again = await post("track", call);
    expect(await again.json()).toMatchObject({ success: true, duplicates: 1 });
    const { events } = await profileTimeline(workspace.id, (await findProfileId(workspace.id, "external_id", "u2"))!);
    expect(events).toHaveLength(1);
  });

  it("alias merges the anonymous profile into the known one, losing nothing", async () => {
    const { workspace, post } = await setup();
    await post("batch", {
      batch: [
        { type: "identify", anonymousId: "anon-1", traits: { plan: "free", city: "Atlanta" } },
        { type: "page", anonymousId: "anon-1", name: "Pricing" },
        { type: "identify", userId: "u3", traits: { plan: "gold" } },
        { type: "track", userId: "u3", event: "Signed In" },
      ],
    });
    expect(await findProfileId(workspace.id, "anonymous_id", "anon-1")).not.toBe(await findProfileId(workspace.id, "external_id", "u3"));
    expect((await post("alias", { previousId: "anon-1", userId: "u3" })).status).toBe(200);
    const id = (await findProfileId(workspace.id, "external_id", "u3"))!;
    expect(await findProfileId(workspace.id, "anonymous_id", "anon-1")).toBe(id);
    const profile = await getProfile(workspace.id, id);
    expect(profile.attributes).toEqual({ plan: "gold", city: "Atlanta" });
    const { events } = await profileTimeline(workspace.id, id);
    expect(events.map((e) => e.name).sort()).toEqual([null, null, "Pricing", "Signed In"].sort());
  });

  it("identify with both ids merges an anonymous history into the user", async () => {
    const { workspace, post } = await setup();
    await post("track", { anonymousId: "a-9", event: "Viewed" });
    await post("identify", { anonymousId: "a-9", userId: "u9", traits: { name: "Bo" } });
    const id = await findProfileId(workspace.id, "external_id", "u9");
    expect(await findProfileId(workspace.id, "anonymous_id", "a-9")).toBe(id);
  });

  it("rejects bad input with the JSON path, and stores nothing of a bad batch", async () => {
    const { workspace, post } = await setup();
    const res = await post("batch", { batch: [{ type: "track", userId: "u4", event: "Ok" }, { type: "track", userId: "u4" }] });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ path: "batch[1].event" });
    expect(await findProfileId(workspace.id, "external_id", "u4")).toBeNull();
    const noId = await post("track", { event: "x" });
    expect((await noId.json()).error.path).toBe("userId");
    expect((await post("batch", { batch: [{ type: "nope" }] })).status).toBe(400);
    expect((await post("track", "{not json")).status).toBe(400);
    const badDate = await post("track", { userId: "u", event: "x", timestamp: "yesterday" });
    expect((await badDate.json()).error.path).toBe("timestamp");
  });

  it("413 for a body over the limit, 429 with Retry-After past the rate, 403 for a secret key", async () => {
    const { workspace, post } = await setup();
    expect((await post("track", { userId: "u", event: "big", properties: { blob: "x".repeat(40_000) } })).status).toBe(413);
    const limiter = new RateLimiter(1, 1);
    expect((await post("track", { userId: "u", event: "a" }, { limiter })).status).toBe(200);
    const limited = await post("track", { userId: "u", event: "b" }, { limiter });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const secret = await createApiKey(workspace.id, { name: "srv", kind: "secret" }, cliActor);
    expect((await post("track", { userId: "u", event: "c" }, { auth: `Bearer ${secret.key}` })).status).toBe(403);
  });
});

describe("batched storage", () => {
  it("a batch ends as its calls stored one by one: merges mid-batch, duplicates, traits in order", async () => {
    const { workspace, post } = await setup();
    const res = await post("batch", {
      batch: [
        { type: "track", anonymousId: "b-a", event: "First", messageId: "b-m1" },
        { type: "identify", anonymousId: "b-a", traits: { plan: "free", n: 1, city: "Lagos" } },
        { type: "track", userId: "b-u", event: "Second" },
        { type: "identify", userId: "b-u", anonymousId: "b-a", traits: { plan: "pro" } },
        { type: "track", anonymousId: "b-a", event: "Again", messageId: "b-m1" },
        { type: "identify", userId: "b-u", traits: { n: "one" }, context: { timezone: "Europe/Paris" } },
        { type: "track", userId: "b-new", event: "Third", messageId: "b-m3" },
        { type: "track", userId: "b-new", event: "Third again", messageId: "b-m3" },
      ],
    });
    expect(await res.json()).toMatchObject({ success: true, accepted: 6, duplicates: 2 });
    const id = (await findProfileId(workspace.id, "external_id", "b-u"))!;
    expect(await findProfileId(workspace.id, "anonymous_id", "b-a")).toBe(id);
    const profile = await getProfile(workspace.id, id);
    expect(profile.attributes).toEqual({ plan: "pro", n: "one", city: "Lagos" });
    expect(profile.timezone).toBe("Europe/Paris");
    const { events } = await profileTimeline(workspace.id, id);
    expect(events.map((e) => e.name).sort()).toEqual([null, null, null, "First", "Second"].sort());
    const other = (await findProfileId(workspace.id, "external_id", "b-new"))!;
    expect((await profileTimeline(workspace.id, other)).events.map((e) => e.name)).toEqual(["Third"]);
    const db = await getDb();
    const types = await db.select().from(profileAttributeTypes).where(eq(profileAttributeTypes.workspaceId, workspace.id));
    expect(types.map((t) => `${t.key}:${t.type}`).sort()).toEqual(["city:string", "n:number", "n:string", "plan:string"]);
  });

  it("a batch with no alias and no repeated messageId: known tracks, identifies and new users each end on the right profile", async () => {
    const { workspace, post } = await setup();
    await post("batch", { batch: [{ type: "identify", userId: "k1", traits: { plan: "free" } }, { type: "identify", userId: "k2" }] });
    const res = await post("batch", {
      batch: [
        { type: "track", userId: "k1", event: "A" },
        { type: "identify", userId: "k1", traits: { plan: "pro" } },
        { type: "track", userId: "n1", event: "B" },
        { type: "identify", userId: "n1", anonymousId: "an1", traits: { city: "Osaka" } },
        { type: "track", anonymousId: "an1", event: "C" },
        { type: "track", userId: "k2", event: "D" },
        { type: "identify", userId: "k2", anonymousId: "ak2" },
        { type: "page", userId: "k2", name: "Home" },
      ],
    });
    expect(await res.json()).toMatchObject({ success: true, accepted: 8, duplicates: 0 });
    const names = async (id: string) => (await profileTimeline(workspace.id, id)).events.map((e) => e.name ?? e.type).sort();
    const k1 = (await findProfileId(workspace.id, "external_id", "k1"))!;
    expect(await names(k1)).toEqual(["A", "identify", "identify"]);
    expect((await getProfile(workspace.id, k1)).attributes).toEqual({ plan: "pro" });
    const n1 = (await findProfileId(workspace.id, "external_id", "n1"))!;
    expect(await findProfileId(workspace.id, "anonymous_id", "an1")).toBe(n1);
    expect(await names(n1)).toEqual(["B", "C", "identify"]);
    expect((await getProfile(workspace.id, n1)).attributes).toEqual({ city: "Osaka" });
    const k2 = (await findProfileId(workspace.id, "external_id", "k2"))!;
    expect(await findProfileId(workspace.id, "anonymous_id", "ak2")).toBe(k2);
    expect(await names(k2)).toEqual(["D", "Home", "identify", "identify"]);
  });

  it("an identify repeating traits the profile holds leaves the row as it was; a new value updates it", async () => {
    const { workspace } = await setup();
    const db = await getDb();
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));
    const row = async () => (await db.select({ updatedAt: profiles.updatedAt, lastSeenAt: profiles.lastSeenAt, attributes: profiles.attributes }).from(profiles).where(eq(profiles.workspaceId, workspace.id)))[0]!;
    await ingestCalls(workspace.id, [{ type: "identify", userId: "r1", traits: { plan: "pro" } }], { now: at(0) });
    const first = await row();
    await ingestCalls(workspace.id, [{ type: "identify", userId: "r1", traits: { plan: "pro" } }], { now: at(0.5) });
    expect(await row()).toEqual(first);
    // Seen again after the last-seen precision: only last_seen_at moves.
    await ingestCalls(workspace.id, [{ type: "identify", userId: "r1", traits: { plan: "pro" } }], { now: at(5) });
    expect(await row()).toEqual({ ...first, lastSeenAt: at(5) });
    await ingestCalls(workspace.id, [{ type: "identify", userId: "r1", traits: { plan: "team" } }], { now: at(5.5) });
    expect(await row()).toMatchObject({ attributes: { plan: "team" }, updatedAt: at(5.5) });
  });
});

describe("concurrent ingestion", () => {
  it("calls racing on the same identities end on one profile", async () => {
    const { workspace, post } = await setup();
    await Promise.all([
      post("track", { anonymousId: "race-a", event: "one" }),
      post("alias", { previousId: "race-a", userId: "race-u" }),
      post("identify", { userId: "race-u", anonymousId: "race-a", traits: { n: 1 } }),
      post("track", { userId: "race-u", event: "two" }),
    ]);
    const id = await findProfileId(workspace.id, "external_id", "race-u");
    expect(await findProfileId(workspace.id, "anonymous_id", "race-a")).toBe(id);
    const { events } = await profileTimeline(workspace.id, id!);
    expect(events.map((e) => e.name).filter(Boolean).sort()).toEqual(["one", "two"]);
  });
});
