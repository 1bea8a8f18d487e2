import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { messages, profileIdentities, profiles } from "@/db/schema";
import { createTeam } from "@/test/fixtures";
import * as policy from "./policy";
import { getMessage } from "./list-messages";
import { sendMessage, type TSendRequest } from "./send-message";

vi.mock("./policy", async (actual) => {
  const real = await actual<typeof import("./policy")>();
  return { ...real, checkPolicies: vi.fn(real.checkPolicies) };
});

const EMAIL = { subject: "Code for {{ profile.firstName }}", html: "<p>Your code is {{ context.code }}</p>" };

async function setup(count: number) {
  const { workspace } = await createTeam(`Together ${crypto.randomUUID().slice(0, 4)}`);
  const db = await getDb();
  const rows = await db
    .insert(profiles)
    .values(Array.from({ length: count }, (_, i) => ({ workspaceId: workspace.id, attributes: { firstName: `P${i}` } })))
    .returning({ id: profiles.id });
  await db.insert(profileIdentities).values(rows.map((r, i) => ({ workspaceId: workspace.id, namespace: "email" as const, value: `p${i}@example.com`, profileId: r.id })));
  const request = (i: number, over: Partial<TSendRequest> = {}): TSendRequest => ({
    workspaceId: workspace.id,
    kind: "email",
    profileId: rows[i]!.id,
    content: EMAIL,
    cacheKey: "together:1",
    source: { type: "transactional", id: "reset", stepId: `request-${i}` },
    context: { code: `C${i}` },
    transactional: true,
    ...over,
  });
  // xmin: the statement (its own transaction) that last wrote the row.
  const writers = async (ids: string[]) => new Set(rowsOf<{ tx: string }>(await db.execute(sql`select xmin::text as tx from messages where id in ${sql.raw(`('${ids.join("','")}')`)}`)).map((r) => r.tx)).size;
  return { db, request, writers };
}

describe("group send of concurrent messages", () => {
  it("sends 30 concurrent messages of one content in a few statements, each with its own outcome and context", async () => {
    const { db, request, writers } = await setup(30);
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => sendMessage(request(i))));
    expect(new Set(outcomes.map((o) => o.messageId)).size).toBe(30);
    expect(outcomes.every((o) => o.status === "delivered")).toBe(true);
    const stored = await db.select().from(messages).where(inArray(messages.id, outcomes.map((o) => o.messageId)));
    for (const [i, o] of outcomes.entries()) {
      const row = stored.find((m) => m.id === o.messageId)!;
      expect(row.stepId).toBe(`request-${i}`);
      expect(row.recipient).toBe(`p${i}@example.com`);
      const { content } = await getMessage(row.workspaceId, row.id);
      expect(content).toMatchObject({ subject: `Code for P${i}` });
      expect(String(content!.html)).toContain(`Your code is C${i}`);
    }
    expect(await writers(outcomes.map((o) => o.messageId))).toBeLessThanOrEqual(5);
  });

  it("sends each message alone without a content version (so the count above is the grouping's)", async () => {
    const { request, writers } = await setup(12);
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => sendMessage(request(i, { cacheKey: null }))));
    expect(await writers(outcomes.map((o) => o.messageId))).toBe(12);
  });

  it("answers a repeated idempotency key with the one message, and a bad request fails alone", async () => {
    const { db, request } = await setup(6);
    const calls = [0, 1, 2, 2, 3, 4].map((i) => sendMessage(request(i)));
    // Caught at once: it may fail before the others are answered.
    const bad = sendMessage(request(5, { profileId: "not-a-uuid" })).then(() => null, (error: unknown) => error);
    const outcomes = await Promise.all(calls);
    expect(await bad).toBeInstanceOf(Error);
    expect(outcomes[3]!.messageId).toBe(outcomes[2]!.messageId);
    const sent = await db.select({ id: messages.id }).from(messages).where(eq(messages.workspaceId, request(0).workspaceId));
    expect(sent.map((m) => m.id).sort()).toEqual([...new Set(outcomes.map((o) => o.messageId))].sort());
  });

  it("gives the claimed messages back when a send fails before delivery, so a retry sends at once", async () => {
    const { db, request } = await setup(1);
    vi.mocked(policy.checkPolicies).mockRejectedValueOnce(new Error("connection lost"));
    await expect(sendMessage(request(0))).rejects.toThrow("connection lost");
    const [held] = await db.select().from(messages).where(eq(messages.profileId, request(0).profileId!));
    expect(held!.status).toBe("queued");
    const retried = await sendMessage(request(0));
    expect(retried).toMatchObject({ messageId: held!.id, status: "delivered" });
  });
});
