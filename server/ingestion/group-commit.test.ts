import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { cliActor } from "@/server/audit/actor";
import { createDefinition } from "@/server/events/manage-definitions";
import { PURCHASE_EVENT } from "@/server/events/purchase-event";
import { findProfileId, getProfile } from "@/server/profiles/get-profile";
import { createTeam } from "@/test/fixtures";
import { ingestCalls } from "./ingest-calls";

const track = (userId: string, messageId: string, properties: Record<string, unknown> = { n: 1 }) => ({ type: "track" as const, userId, event: "Viewed", messageId, properties });

async function storedEvents(workspaceId: string) {
  const db = await getDb();
  // xmin: the transaction that inserted the row.
  return rowsOf<{ messageId: string; tx: string }>(await db.execute(sql`select message_id as "messageId", xmin::text as tx from events where workspace_id = ${workspaceId}`));
}

describe("group commit of concurrent ingestion requests", () => {
  it("stores 40 concurrent requests in a few transactions, each answered for its own calls", async () => {
    const { workspace } = await createTeam("Group commit");
    const requests = Array.from({ length: 40 }, (_, i) => ingestCalls(workspace.id, [track(`u${i % 7}`, `m${i}`), { type: "identify", userId: `u${i % 7}`, messageId: `i${i}`, traits: { last: i } }]));
    // The same messageId as request 0's track: a duplicate, wherever it lands.
    const repeat = ingestCalls(workspace.id, [track("u0", "m0"), track("u0", "m-new")]);
    const results = await Promise.all([...requests, repeat]);
    expect(results.slice(0, 40)).toEqual(Array.from({ length: 40 }, () => ({ accepted: 2, duplicates: 0 })));
    expect(results[40]).toEqual({ accepted: 1, duplicates: 1 });
    const stored = await storedEvents(workspace.id);
    expect(stored).toHaveLength(81);
    expect(new Set(stored.map((e) => e.tx)).size).toBeLessThanOrEqual(6);
    // Requests were stored in arrival order: u6's last identify is request 34's.
    const u6 = await getProfile(workspace.id, (await findProfileId(workspace.id, "external_id", "u6"))!);
    expect(u6.attributes).toMatchObject({ last: 34 });
  });

  it("rejects only the request with a bad call; the others of its group are stored", async () => {
    const { workspace } = await createTeam("Group commit errors");
    await createDefinition(workspace.id, PURCHASE_EVENT, cliActor);
    const bad = { type: "track" as const, userId: "u1", event: "purchase", messageId: "bad", properties: { product: 5, purchaseId: "p", purchaseMessage: "thank you" } };
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 5 }, (_, i) => ingestCalls(workspace.id, [track("u1", `a${i}`)])),
      ingestCalls(workspace.id, [track("u1", "with-bad"), bad], { batch: true }),
      ...Array.from({ length: 5 }, (_, i) => ingestCalls(workspace.id, [track("u2", `b${i}`)])),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([...Array(5).fill("fulfilled"), "rejected", ...Array(5).fill("fulfilled")]);
    expect((outcomes[5] as PromiseRejectedResult).reason).toMatchObject({ path: "batch[1].properties.product" });
    expect((await storedEvents(workspace.id)).map((e) => e.messageId).sort()).toEqual(["a0", "a1", "a2", "a3", "a4", "b0", "b1", "b2", "b3", "b4"]);
  });

  it("when a group fails in the database, each request is stored alone, so only the faulty one fails", async () => {
    const { workspace } = await createTeam("Group commit database errors");
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 4 }, (_, i) => ingestCalls(workspace.id, [track("u1", `c${i}`)])),
      // Valid JSON, refused by PostgreSQL: a NUL character in a jsonb string.
      ingestCalls(workspace.id, [track("u1", "nul", { text: "a\u0000b" })]),
      ...Array.from({ length: 4 }, (_, i) => ingestCalls(workspace.id, [track("u1", `d${i}`)])),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([...Array(4).fill("fulfilled"), "rejected", ...Array(4).fill("fulfilled")]);
    expect(await storedEvents(workspace.id)).toHaveLength(8);
  });
});

describe("last seen, to the minute", () => {
  it("a track on a profile seen less than a minute ago does not rewrite its row; traits, a new time zone or a minute later do", async () => {
    const { workspace } = await createTeam("Last seen");
    const t0 = new Date("2026-05-01T10:00:00Z");
    const at = (seconds: number) => ({ now: new Date(t0.getTime() + seconds * 1000) });
    await ingestCalls(workspace.id, [{ type: "identify", userId: "u1", traits: { city: "Lyon" } }], at(0));
    const id = (await findProfileId(workspace.id, "external_id", "u1"))!;
    const db = await getDb();
    const row = async () => rowsOf<{ tx: string; seen: string; tz: string | null }>(await db.execute(sql`select xmin::text as tx, last_seen_at::text as seen, timezone as tz from profiles where id = ${id}`))[0]!;
    const first = await row();
    await ingestCalls(workspace.id, [track("u1", "t1")], at(30));
    expect(await row()).toEqual(first);
    await ingestCalls(workspace.id, [{ type: "track", userId: "u1", event: "Viewed", context: { timezone: "Europe/Paris" } }], at(40));
    const zoned = await row();
    expect(zoned.tz).toBe("Europe/Paris");
    expect(zoned.tx).not.toBe(first.tx);
    await ingestCalls(workspace.id, [track("u1", "t2")], at(100));
    expect(new Date((await row()).seen).getTime()).toBe(t0.getTime() + 100_000);
  });
});

describe("calls on known profiles", () => {
  it("are stored by identity alone, beside calls that create profiles, with duplicates and the first of a repeated messageId kept", async () => {
    const { workspace } = await createTeam("Known profiles");
    await ingestCalls(workspace.id, [{ type: "identify", userId: "known", traits: { plan: "pro" } }]);
    const known = (await findProfileId(workspace.id, "external_id", "known"))!;
    const result = await ingestCalls(workspace.id, [
      track("known", "k1"),
      { type: "page", anonymousId: "anon-new", name: "Home", messageId: "p1" },
      track("new-user", "n1"),
      track("known", "k2"),
    ]);
    expect(result).toEqual({ accepted: 4, duplicates: 0 });
    expect(await ingestCalls(workspace.id, [track("known", "k1"), track("known", "k3")])).toEqual({ accepted: 1, duplicates: 1 });
    // Two calls with one messageId in a request: the first is the one stored.
    expect(await ingestCalls(workspace.id, [track("known", "same", { first: true }), track("known", "same", { first: false })])).toEqual({ accepted: 1, duplicates: 1 });
    const db = await getDb();
    const rows = rowsOf<{ messageId: string; profileId: string; properties: Record<string, unknown> }>(
      await db.execute(sql`select message_id as "messageId", profile_id as "profileId", properties from events where workspace_id = ${workspace.id} and type <> 'identify'`),
    );
    const byMessage = new Map(rows.map((r) => [r.messageId, r]));
    expect([...byMessage.keys()].sort()).toEqual(["k1", "k2", "k3", "n1", "p1", "same"]);
    for (const id of ["k1", "k2", "k3", "same"]) expect(byMessage.get(id)!.profileId).toBe(known);
    expect(byMessage.get("n1")!.profileId).toBe(await findProfileId(workspace.id, "external_id", "new-user"));
    expect(byMessage.get("p1")!.profileId).toBe(await findProfileId(workspace.id, "anonymous_id", "anon-new"));
    expect(byMessage.get("same")!.properties).toEqual({ first: true });
  });
});
