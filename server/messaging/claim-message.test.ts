import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { messages, profiles } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { createConfiguration } from "@/server/channels/manage-configurations";
import { createTeam } from "@/test/fixtures";
import { claimMessages } from "./claim-message";

describe("claimMessages", () => {
  it("answers new claims with the rows exactly as stored, and an existing key as done", async () => {
    const workspaceId = (await createTeam("Claims")).workspace.id;
    const db = await getDb();
    const config = await createConfiguration(workspaceId, { name: "Inbox", pluginId: "dev-inbox", kind: "email", settings: {} }, cliActor);
    const [profile] = await db.insert(profiles).values({ workspaceId, attributes: {} }).returning({ id: profiles.id });
    const base = { workspaceId, configurationId: config!.id, pluginId: "dev-inbox", kind: "email", source: { type: "campaign" as const, id: "c1", stepId: "send" }, isTest: false };
    const now = new Date();
    const claims = await claimMessages(db, base, [{ idempotencyKey: "k1", profileId: profile!.id }, { idempotencyKey: "k2", profileId: null, stepId: "other" }], now);
    expect(claims.map((c) => c.state)).toEqual(["mine", "mine"]);
    const stored = await db.select().from(messages).where(inArray(messages.id, claims.map((c) => c.message.id)));
    for (const claim of claims) expect(claim.message).toEqual(stored.find((m) => m.id === claim.message.id));
    expect(claims[1]!.message).toMatchObject({ idempotencyKey: "k2", stepId: "other", profileId: null, status: "sending" });

    await db.update(messages).set({ status: "delivered" }).where(eq(messages.id, claims[0]!.message.id));
    const again = await claimMessages(db, base, [{ idempotencyKey: "k1", profileId: profile!.id }], new Date());
    expect(again[0]).toMatchObject({ state: "done", message: { id: claims[0]!.message.id, status: "delivered" } });
  });
});
